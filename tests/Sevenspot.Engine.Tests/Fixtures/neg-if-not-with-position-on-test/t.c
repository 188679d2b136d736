void f(int *x, int y)
{
	if (x != NULL) a(); else b();
	if (x) a(); else b();
	if (x == NULL) a(); else b();
}
