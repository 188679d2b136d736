@@
identifier f, x;
@@
f(int x) {
- foo(x);
+ bar(x);
}
