@@
identifier f;
parameter list pl;
type T;
@@
  T f(pl) { ... }
+ void g(pl) { }
+ T h(pl);
