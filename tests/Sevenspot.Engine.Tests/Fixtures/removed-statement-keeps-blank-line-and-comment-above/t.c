void f(void)
{
	a();

	old();
	b();
}

void g(void)
{
	a();
	/* the old one */
	old(); /* deprecated */

	b();
}
