int a(int x, int z) { return 0; }
int b(int y, int z) { return 0; }
int c(int w, int z) { return 0; }
int d(int x, int w) { return 0; }
