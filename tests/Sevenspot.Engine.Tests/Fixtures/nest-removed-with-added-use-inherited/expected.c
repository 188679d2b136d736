void f(int p, int q)
{
	init(p);
	b(p);
	a(q * 2);
	b(p);
}
