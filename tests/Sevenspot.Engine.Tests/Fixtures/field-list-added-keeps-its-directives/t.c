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

struct marker { int m; };
