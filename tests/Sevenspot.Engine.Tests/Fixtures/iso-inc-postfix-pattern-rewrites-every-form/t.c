void f(int i, int j)
{
	a();
	i++;
	b();
	++i;
	c();
	i += 1;
	d();
	i = i + 1;
	for (j = 0; j < 10; j++)
		g(j);
	if (j)
		++j;
	h(i++);
}
