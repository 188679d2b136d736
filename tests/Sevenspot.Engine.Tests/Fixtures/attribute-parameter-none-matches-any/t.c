#define __tagged MACROANNOTATION
#define __other MACROANNOTATION
long dev_a(__tagged long len) { return len; }
long dev_b(long __tagged len) { return len; }
long dev_c(long len __tagged) { return len; }
long dev_d(long __tagged *len) { return 0; }
long dev_e(long len) { return len; }
long dev_f(__other long __tagged len __other) { return len; }
long dev_g(long __other len __tagged) { return len; }
