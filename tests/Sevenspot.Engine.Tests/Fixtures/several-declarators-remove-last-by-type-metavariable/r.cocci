@@
type T;
@@
- T tail;
