void f(int *x, int y)
{
	if (x == NULL) a(); else b();
	if (!x) a(); else b();
	if (x == NULL) c();
	if (!x) c();
	if (NULL == x) d();
	if (y) b(); else b();
	if (y) b();
}
void g(int *x)
{
	if (x != NULL) a(); else b();
	if (x) a(); else b();
}
