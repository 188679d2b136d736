void f(int p, int q)
{
	if (p)
		go();
	if (p > q)
		go();
}
