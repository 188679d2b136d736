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
	check(7);
	check(8);
	check(9);
	check(a - b);
	check(a);
}
