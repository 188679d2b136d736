@@
identifier i;
expression E;
@@
#define i(...) \
- foo(E)
+ bar(E, 1)
