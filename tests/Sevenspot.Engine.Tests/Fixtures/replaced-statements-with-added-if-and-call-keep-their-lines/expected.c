void f(int x)
{
	if (x)
		na(x);
	nb(x);
	c(x);
}
