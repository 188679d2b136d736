void f(int *x, int y)
{
	if (!x)
		b();
	else
		a();
	if (x) a(); else b();
	if (!x)
		a();
	else
		b();
}
