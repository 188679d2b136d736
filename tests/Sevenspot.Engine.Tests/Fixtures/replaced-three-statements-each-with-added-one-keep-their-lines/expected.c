void f(int x)
{
	na(x);
	nb(x);
	nc(x);
}
