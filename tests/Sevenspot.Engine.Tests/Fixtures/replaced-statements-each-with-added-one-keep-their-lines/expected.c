void f(int x)
{
	na(x);
	nb(x);
	c(x);
}
