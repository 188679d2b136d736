struct holder {
	BLOB data;
	int len;
};

static BLOB pick(BLOB a, BLOB *list, int n)
{
	BLOB b = a;
	memset(&b, 0, sizeof(BLOB));
	if (n)
		b = list[n];
	return (BLOB)b;
}
