/* A statement that does not parse becomes an error statement; the rest of the function parses. */
int broken(int x)
{
	int y = ;
	x = x + 1;
	if (x > 2) {
		y = ) x;
	}
	return x;
}

int fine(void)
{
	return 0;
}
