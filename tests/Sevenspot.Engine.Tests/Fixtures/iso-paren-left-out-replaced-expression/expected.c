void f(void)
{
	y = h(1);
	y = h(2);
	y = (h(3));
	g(h(4), h(5));
	y = b * h(6);
}
