@@
expression E;
@@
- foo
+ bar
  (E);
