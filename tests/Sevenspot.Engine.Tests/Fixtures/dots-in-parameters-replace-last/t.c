void a(int x) { }
void b(char *s, int y) { }
void c(int z, char *s) { }
