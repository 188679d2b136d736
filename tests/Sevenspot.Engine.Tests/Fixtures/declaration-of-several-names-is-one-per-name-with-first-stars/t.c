void e1(void)
{
	int *q, b;
	foo();
}
void e2(void)
{
	int *q, *b;
	foo();
}
void e3(void)
{
	int *q;
	int b;
	foo();
}
void e4(void)
{
	int *q;
	int *b;
	foo();
}
void e5(void)
{
	int *q, b, c;
	foo();
}
void e6(void)
{
	int c, *q, b;
	foo();
}
