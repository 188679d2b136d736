void f(char *s)
{
	s = k();
	s = k();
	s = g(h('\0') + 0, '\0');
	s = g(h('\0' + 0), 0);
}
