#define __tagged MACROANNOTATION
#define __other MACROANNOTATION

long conv(void)
{
	long *a = (long __tagged) src;
	long *b = (__tagged long) src;
	long *c = (long __tagged *) src;
	long *d = (long *__tagged) src;
	long *e = (long) src;
	long *f = (long __other) src;
	long *g = (short __other __tagged) src;
}
