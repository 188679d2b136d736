@@
type T;
identifier fn;
@@
- T fn(...);
