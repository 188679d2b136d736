@@
identifier f, x;
@@
f(unsigned int x) {
- foo(x);
+ bar(x);
}
