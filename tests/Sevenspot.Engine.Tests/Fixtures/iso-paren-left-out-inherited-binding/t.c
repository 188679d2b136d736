void f(void)
{
	k(x);
	y = (m(x));
	y = m(x) + (m(z));
	y = ((m)(x));
}
