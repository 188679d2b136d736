int f(int *p)
{
	int(*fp)(int) = NULL;
	unsigned long(*q)(void *, int);
	int *c;
	char *(*g)(void);
	return p != 0;
}
