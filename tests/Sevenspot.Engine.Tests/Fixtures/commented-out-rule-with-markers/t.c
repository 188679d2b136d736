void f(void)
{
	g(3);
	h();
	h(1);
	noted();
}
