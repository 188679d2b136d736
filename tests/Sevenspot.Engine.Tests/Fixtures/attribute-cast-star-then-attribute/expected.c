#define __a MACROANNOTATION
#define __b MACROANNOTATION

int f(void)
{
	int *p = (int __a) x;
	int *q = (__a int) x;
	int *r = CAST(int, x);
	int *s = CAST(int, x);
	int *t = (int) x;
	int *u = (int __b) x;
	int *v = (long __b __a) x;
}
