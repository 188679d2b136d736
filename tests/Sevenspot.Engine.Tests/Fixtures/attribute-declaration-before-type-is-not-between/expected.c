#define __a MACROANNOTATION
int v1 = 1;
__a int v2;
static __a int v3;
int v4 __a;
