@r@
position p;
@@
  lock();
  foo@p();
@@
position r.p;
@@
- foo@p();
+ bar();
