void collect(int x)
{
	note(7);
	if (x)
		note(8);
	else {
		note(a - b);
		note(7);
	}
}

void replay(void)
{
	verify(7);
	verify(8);
	check(9);
	verify(a - b);
	check(a);
}
