@@
type T;
T *E;
@@

- g(E);
  ...
- g(sizeof(T));
