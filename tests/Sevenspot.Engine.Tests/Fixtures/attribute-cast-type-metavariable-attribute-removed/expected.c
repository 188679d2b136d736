#define __tagged MACROANNOTATION
#define __other MACROANNOTATION

long conv(void)
{
	long *a = (long) src;
	long *b = (long) src;
	long *c = (long *) src;
	long *d = (long *) src;
	long *e = (long) src;
	long *f = (long __other) src;
	long *g = (short __other __tagged) src;
}
