@r@
fresh identifier i = "v";
expression E;
@@
- g(E);
+ int i = E;
+ use(i, i);

@@
fresh identifier j = "tmp";
type T;
@@
 f(...,T
+ j
  ,...) {...}
