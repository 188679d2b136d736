@@
expression a, b;
@@
- foo(a, b);
+ bar(a, b);
