#define __a MACROANNOTATION
#define __b MACROANNOTATION
int f1(__a long z) { return 0; }
int f2(long z) { return 0; }
int f3(long z) { return 0; }
int f4(long z) { return 0; }
int f6(long z) { return 0; }
int f7(__b long z) { return 0; }
int f8(long z) { return 0; }
