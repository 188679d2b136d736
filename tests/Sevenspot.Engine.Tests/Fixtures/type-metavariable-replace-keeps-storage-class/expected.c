typedef unsigned long ulong_t;

int count(void) {
  static unsigned long n;
  extern unsigned long total;
  unsigned long m = n;
  return m + total;
}
