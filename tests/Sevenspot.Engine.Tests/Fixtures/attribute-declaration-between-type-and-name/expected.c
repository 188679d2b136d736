#define __a MACROANNOTATION
#define __b MACROANNOTATION

int v1 __a;
int __a v2;
__a int v3;
int v4;
int v5 __b;
int v6 __a __b;
int __attribute__((used)) v7;
int v8 __attribute__((unused));
