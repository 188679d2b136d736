@@
expression x;
statement S1;
@@
- if (x == NULL) S1 else b();
+ if (!x) S1 else c();
