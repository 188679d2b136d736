#define __a MACROANNOTATION
int __a v1;
__a int v2;
static __a int v3;
int v4 __a;
