@@
expression E;
@@
- foo
  (E);
