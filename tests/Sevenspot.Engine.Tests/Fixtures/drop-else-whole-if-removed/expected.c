void f(int *x, int y)
{
	if (!x) a(); else b();
	if (!x) c();
	if (y) b(); else b();
	same();
	if (y) b();
}
void g(int *x)
{
	if (x) a(); else b();
}
