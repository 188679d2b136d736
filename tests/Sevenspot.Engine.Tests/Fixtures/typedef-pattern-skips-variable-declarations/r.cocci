@@
type T1, T2;
@@

- typedef T1 T2;
