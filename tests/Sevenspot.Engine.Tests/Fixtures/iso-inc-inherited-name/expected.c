void f(int i, int j)
{
	a();
	i += 2;
	b();
	i += 2;
	c();
	i += 2;
	d();
	i += 2;
	for (j = 0; j < 10; j++)
		g(j);
	if (j)
		++j;
	h(i++);
}
