int a(int x, int z) { return z; }
int b(int y, int z) { return z; }
int c(int w, int z) { return 0; }
int d(int x, int w) { return 0; }
