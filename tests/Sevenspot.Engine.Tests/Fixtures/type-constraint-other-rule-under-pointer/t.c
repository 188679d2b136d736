void tables(void)
{
	long n;
	int **rows[];
	long **cols[];
	short *keys[];
	long *vals[];
}
