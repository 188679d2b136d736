void f(int n)
{
	int i, j, k;

	for (i = 0; i < n; i++)
		h(n);
	for (j = 0; j < n; ++j)
		h(n);
	for (k = 0; k < n; k += 1)
		g(n);
}
