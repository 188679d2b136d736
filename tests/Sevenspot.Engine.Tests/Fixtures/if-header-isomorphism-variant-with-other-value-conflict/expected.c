void f(int *p, int *q, int n)
{
	if (p != NULL) a();
	if (q) a();
	if (n) a();
}
