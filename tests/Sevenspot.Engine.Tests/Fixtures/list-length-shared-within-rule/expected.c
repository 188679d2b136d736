void a(void)
{
	f3(1, 2);
	g(3, 4);
}

void b(void)
{
	f(1, 2);
	g(3);
}
