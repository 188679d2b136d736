void g(int x)
{
	int y = '\0';
	x |= '\0';
	if (x == '\0')
		return;
}
char h(void)
{
	return '\0';
}
