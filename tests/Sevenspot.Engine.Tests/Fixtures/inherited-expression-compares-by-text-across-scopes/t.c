void one(void)
{
	int a;
	note(a);
	{
		int a;
		check(a);
	}
	check(a);
}
void two(int a)
{
	check(a);
}
int g;
void three(void)
{
	note(g);
}
void four(int g)
{
	check(g);
	check(h);
}
