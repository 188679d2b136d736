int g1;
void f(void)
{
	int l;
	foo();
	l = 1;
}
