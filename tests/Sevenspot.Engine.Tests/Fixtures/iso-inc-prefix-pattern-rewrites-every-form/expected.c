void f(int i, int j)
{
	a();
	inc(&i);
	b();
	inc(&i);
	c();
	inc(&i);
	d();
	inc(&i);
	for (j = 0; j < 10; j++)
		g(j);
	if (j)
		inc(&j);
	h(i++);
}
