int a(void) {
	trace(); return 1; }
static long b(int x) {
	trace(); return x; }
void c(void) { }
char *d(void) { return 0; }
unsigned int e(void) { return 0; }
