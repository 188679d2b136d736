void f(void)
{
	k(3);
	h();
	h(2);
	noted();
}
