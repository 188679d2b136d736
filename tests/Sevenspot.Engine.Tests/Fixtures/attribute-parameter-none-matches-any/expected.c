#define __tagged MACROANNOTATION
#define __other MACROANNOTATION
long dev_a(__tagged unsigned int flags) { return len; }
long dev_b(unsigned int flags) { return len; }
long dev_c(unsigned int flags) { return len; }
long dev_d(unsigned int flags) { return 0; }
long dev_e(unsigned int flags) { return len; }
long dev_f(__other unsigned int flags) { return len; }
long dev_g(unsigned int flags) { return len; }
