void f(void)
{
	y = a + 1;
	y = (a + 2);
	y = ((a + 3));
	g(a + 4, (a + 5));
	y = b * (a + 6);
}
