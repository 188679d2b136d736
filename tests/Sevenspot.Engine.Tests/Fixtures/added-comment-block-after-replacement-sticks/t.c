void f(int x)
{
	old(x);
	if (x)
		old(1);
}
