int f(int b, int *q)
{
	h(b, sizeof(b));
	h(q, sizeof(*q));
	h(b, sizeof(int));
	k(b, sizeof(b));
	k(b, sizeof(int));
	return 0;
}
