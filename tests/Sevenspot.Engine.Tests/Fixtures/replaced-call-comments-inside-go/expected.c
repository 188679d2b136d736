void f(void)
{
	r = bar(x, y, 0);
	r = bar(x, y, 0);
	r = bar(x, y, 0);
	r = bar(x, y, 0);
}
