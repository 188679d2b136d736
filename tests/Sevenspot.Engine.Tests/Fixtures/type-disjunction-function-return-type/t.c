int a(void) { return 1; }
static long b(int x) { return x; }
void c(void) { }
char *d(void) { return 0; }
unsigned int e(void) { return 0; }
