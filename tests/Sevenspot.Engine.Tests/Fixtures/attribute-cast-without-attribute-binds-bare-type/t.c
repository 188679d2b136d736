#define __a MACROANNOTATION
#define __b MACROANNOTATION

int f(void)
{
	int *p = (int __a) x;
	int *q = (__a int) x;
	int *r = (int __a *) x;
	int *s = (int *__a) x;
	int *t = (int) x;
	int *u = (int __b) x;
	int *v = (long __b __a) x;
}
