struct holder {
	void *data;
	int len;
};

static void *pick(void *a, void **list, int n)
{
	void *b = a;
	memset(&b, 0, sizeof(void *));
	if (n)
		b = list[n];
	return (void *)b;
}
