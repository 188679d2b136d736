void f(int p, int q)
{
	init(p);
	a(p + q);
	a(q * 2);
	a(p * p);
}
