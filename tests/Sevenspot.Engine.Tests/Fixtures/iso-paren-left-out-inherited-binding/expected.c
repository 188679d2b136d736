void f(void)
{
	k(x);
	y = (n(x));
	y = n(x) + (m(z));
	y = ((m)(x));
}
