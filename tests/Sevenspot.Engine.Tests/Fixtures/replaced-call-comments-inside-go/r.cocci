@@
expression a, b;
@@
- foo(a, b)
+ bar(a, b, 0)
