typedef unsigned long ulong_t;

int count(void) {
  static ulong_t n;
  extern ulong_t total;
  ulong_t m = n;
  return m + total;
}
