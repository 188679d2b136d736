void g(void)
{
	x();

	y();
}
