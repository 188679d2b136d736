#define SZ(a) ARRAY_SIZE(a)
#define OTHER(a) sizeof(a)
int f(void) { return SZ(t) + OTHER(t); }
