@@
identifier i, x;
@@
#define i(x) \
- foo(x);
+ bar(x);
