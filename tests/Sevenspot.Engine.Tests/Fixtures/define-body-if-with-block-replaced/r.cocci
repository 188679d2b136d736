@@
identifier i, x;
@@
#define i(x) \
- if (x) { foo(x); }
+ bar(x);
