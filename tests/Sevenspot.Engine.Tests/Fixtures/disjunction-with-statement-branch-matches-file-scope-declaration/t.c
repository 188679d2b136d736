int g1;
static int g2 = 3;
void f(void)
{
	int l;
	foo();
	l = 1;
}
