void e7(void)
{
	int *q, b;
	foo();
}
void e8(void)
{
	int * q;
	int * b;
}
void e9(void)
{
	int *q = 0;
	int *b;
}
void e10(void)
{
	int *b;
	int *q;
}
