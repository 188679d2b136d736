/* A function whose header does not parse becomes an error node; the rest of the file parses. */
int first(void)
{
	return 1;
}

int bad_header(int a,, int b)
{
	return a;
}

int last(void)
{
	return 3;
}
