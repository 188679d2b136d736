void f(char *s, int n)
{
	s[0] = z;
	n = z;
	g('\0');
	s[1] = z;
}
