@@
type T;
@@
- T *buf;
