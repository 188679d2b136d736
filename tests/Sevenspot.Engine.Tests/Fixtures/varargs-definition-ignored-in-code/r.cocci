@@
identifier f;
type T;
@@
  T f(int a)
  {
+ enter();
  ...
  }
