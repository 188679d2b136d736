struct data
{
#ifdef EXTRA
  int a;
#endif
  int b;
#if defined(MORE)
  long c;
#else
  short c;
#endif
} *p;

struct copy {
#ifdef EXTRA
	int a;
#endif
	int b;
#if defined(MORE)
	long c;
#else
	short c;
#endif
};
struct marker { int m; };
