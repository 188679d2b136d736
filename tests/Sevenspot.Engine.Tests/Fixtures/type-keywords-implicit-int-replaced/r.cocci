@@
typedef u32;
expression E;
@@
- (unsigned int)E
+ (u32)E
@@
typedef s32;
expression E;
@@
- (int)E
+ (s32)E
@@
typedef u32;
identifier x;
@@
- unsigned x;
+ u32 x;
