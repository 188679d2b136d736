@@
expression E;
type T;
@@
  f((T)
- E
+ g(E)
  );
