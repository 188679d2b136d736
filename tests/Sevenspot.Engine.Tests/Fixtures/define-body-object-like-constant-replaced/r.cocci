@@
identifier i;
@@
#define i \
- 1
+ 2
