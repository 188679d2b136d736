@@
type T;
T E;
@@

- f(E);
  ...
- f(sizeof(T));
