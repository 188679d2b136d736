void g(void)
{
	x();

	a();

	b();

	y();
}
