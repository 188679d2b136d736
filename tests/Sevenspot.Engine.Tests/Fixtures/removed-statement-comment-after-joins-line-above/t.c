void g(int x)
{
	a();
	foo(); /* trailing */
	b();

	/* leading */
	foo();

	c();
}
