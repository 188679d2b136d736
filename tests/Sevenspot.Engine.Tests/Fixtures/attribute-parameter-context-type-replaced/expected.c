#define __a MACROANNOTATION
#define __b MACROANNOTATION
int f1(__a int y) { return 0; }
int f2(int __a y) { return 0; }
int f3(int y __a) { return 0; }
int f4(char __a *y) { return 0; }
int f6(int y) { return 0; }
int f7(__b int __a y __b) { return 0; }
int f8(int __b y __a) { return 0; }
