#define __tagged MACROANNOTATION
#define __other MACROANNOTATION

long conv(void)
{
	long *a = (unsigned int __tagged) src;
	long *b = (__tagged unsigned int) src;
	long *c = (unsigned int __tagged) src;
	long *d = (unsigned int __tagged) src;
	long *e = (long) src;
	long *f = (long __other) src;
	long *g = (short __other __tagged) src;
}
