void main2(void)
{
	a(x);
	a(y);
	b(z);
}
