int f(int b, int *q)
{
	h(b, sizeof(b));
	h(q, sizeof(*q));
	h_typed(b);
	k_sized(b);
	k_sized(b);
	return 0;
}
