@@
identifier f, fmt;
@@
- int f(const char *fmt, ......);

@@
identifier g;
type T;
@@
- void g(T, ......);
