#define __a MACROANNOTATION
#define __b MACROANNOTATION

int f(void)
{
	int *p = CAST(int, x);
	int *q = CAST(int, x);
	int *r = CAST(int *, x);
	int *s = CAST(int *, x);
	int *t = CAST(int, x);
	int *u = CAST(int, x);
	int *v = CAST(long, x);
}
