@@
expression a, b;
@@
- foo(
+ bar(
  a, b);
