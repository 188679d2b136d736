int f(int *a, int i, int j)
{
	a[i++] = 0;
	g(++i);
	if (++j)
		return j += 1;
	j = (i += 1);
	for (i = 0; i < 10; ++i)
		g(i);
	return i++;
}
