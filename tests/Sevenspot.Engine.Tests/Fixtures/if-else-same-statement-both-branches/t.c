void f(int x, int y)
{
	if (x)
		a();
	else
		b();
	if (y)
		b();
	else
		b();
	if (x)
		c();
}
