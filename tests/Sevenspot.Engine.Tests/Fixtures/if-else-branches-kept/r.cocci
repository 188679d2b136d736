@@
expression x;
statement S1, S2;
@@
- if (x == NULL) S2 else S1
+ if (!x) S2 else S1
