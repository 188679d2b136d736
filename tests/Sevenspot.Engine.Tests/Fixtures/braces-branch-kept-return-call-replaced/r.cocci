@@
expression E;
@@
  return
- foo(E)
+ bar(E)
  ;
