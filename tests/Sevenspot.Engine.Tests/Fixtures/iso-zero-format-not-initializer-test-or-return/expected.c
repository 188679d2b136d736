void g(int x)
{
	int y = '\0';
	x |= 1;
	if (x == '\0')
		return;
}
char h(void)
{
	return '\0';
}
