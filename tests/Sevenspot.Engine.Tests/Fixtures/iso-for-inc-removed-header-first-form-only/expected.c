void f(int n)
{
	int i, j, k;

	for (i = n - 1; i >= 0; i--)
		g(i);
	for (j = 0; j < n; ++j)
		g(j);
	for (k = 0; k < n; k += 1)
		g(k);
}
