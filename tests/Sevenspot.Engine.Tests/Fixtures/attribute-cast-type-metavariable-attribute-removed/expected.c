#define __a MACROANNOTATION
#define __b MACROANNOTATION

int f(void)
{
	int *p = (int) x;
	int *q = (int) x;
	int *r = (int *) x;
	int *s = (int *) x;
	int *t = (int) x;
	int *u = (int __b) x;
	int *v = (long __b __a) x;
}
