@@
identifier i, x;
statement S;
@@
#define i(x) \
- if (x) S
+ if (!x) S
