#define __a MACROANNOTATION
#define __b MACROANNOTATION
int f1(__a int y) { return 0; }
int f2(long z) { return 0; }
int f3(int y __a) { return 0; }
int f4(long z) { return 0; }
int f6(int y) { return 0; }
int f7(__b long z) { return 0; }
int f8(int __b y __a) { return 0; }
