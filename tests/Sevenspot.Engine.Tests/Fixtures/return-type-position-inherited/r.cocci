@r@
type T;
position p;
identifier f =~ "^get_";
@@
T@p f(...) { ... }

@@
type T;
position r.p;
identifier f;
@@
- T@p
+ long
  f(...) { ... }
