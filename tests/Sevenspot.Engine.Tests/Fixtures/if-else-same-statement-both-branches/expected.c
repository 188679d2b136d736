void f(int x, int y)
{
	if (x)
		a();
	else
		b();
	same();
	if (y)
		b();
	else
		b();
	if (x)
		c();
}
