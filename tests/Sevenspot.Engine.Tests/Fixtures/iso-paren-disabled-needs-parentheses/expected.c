void f(void)
{
	y = a + 1;
	y = h(2);
	y = (h(3));
	g(a + 4, h(5));
	y = b * h(6);
}
