void one(void)
{
	int a;
	note(a);
	{
		int a;
		verify(a);
	}
	verify(a);
}
void two(int a)
{
	verify(a);
}
int g;
void three(void)
{
	note(g);
}
void four(int g)
{
	verify(g);
	check(h);
}
