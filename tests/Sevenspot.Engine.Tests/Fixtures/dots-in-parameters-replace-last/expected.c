void a(long x) { }
void b(char *s, long y) { }
void c(int z, char *s) { }
