int *p, a;
int *q, b;

void set(void)
{
	a = 1;
}
