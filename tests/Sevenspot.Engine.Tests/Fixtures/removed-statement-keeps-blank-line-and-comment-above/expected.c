void f(void)
{
	a();

	b();
}

void g(void)
{
	a();
	/* the old one *//* deprecated */

	b();
}
