void g(int x)
{
	a();/* trailing */
	b();

	c();
}
