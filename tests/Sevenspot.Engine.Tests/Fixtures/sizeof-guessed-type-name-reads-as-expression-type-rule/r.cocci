@@
type T;
@@
- sizeof(T)
+ sizeof_t(T)
