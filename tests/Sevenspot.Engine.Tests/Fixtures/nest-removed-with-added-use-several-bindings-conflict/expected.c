void f(int p, int q)
{
	a(p + 1);
	a(q);
}
