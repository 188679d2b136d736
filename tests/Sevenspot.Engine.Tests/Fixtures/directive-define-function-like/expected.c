
#define OTHER(a) sizeof(a)
int f(void) { return ARRAY_SIZE(t) + OTHER(t); }
