void f(void)
{
	char *a;
	int *d;
	char ***e;
	long f;
}
