@found@
type T;
identifier x;
@@
T *x = alloc_one();

@@
type found.T;
expression E;
@@
- put((T *)E);
+ put_typed(E);
