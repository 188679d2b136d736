int j = sizeof 3;
void f(void)
{
	int i = sizeof(3);
	g(sizeof x, sizeof(y));
	k = sizeof *p + 1;
	h(1, sizeof z);
}
