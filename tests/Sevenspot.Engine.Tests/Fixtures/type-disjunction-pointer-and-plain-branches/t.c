void f(void)
{
	char *a;
	char **b;
	int c;
	int *d;
	char ***e;
	long f;
}
