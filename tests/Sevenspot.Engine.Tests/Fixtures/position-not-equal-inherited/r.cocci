@r@
position p;
@@
  lock();
  foo@p();
@@
position p != r.p;
@@
- foo@p();
+ bar();
