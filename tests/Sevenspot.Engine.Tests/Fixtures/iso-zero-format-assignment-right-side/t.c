void f(char *s, int n)
{
	s[0] = '\0';
	n = 0;
	g('\0');
	s[1] = '\0' ;
}
