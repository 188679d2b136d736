#define __a MACROANNOTATION
#define __b MACROANNOTATION

int f(void)
{
	int *p = (long __a) x;
	int *q = (__a long) x;
	int *r = (long __a) x;
	int *s = (long __a) x;
	int *t = (int) x;
	int *u = (int __b) x;
	int *v = (long __b __a) x;
}
