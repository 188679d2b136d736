@@
expression e;
statement S;
@@

if (get(
- e
+ e, 0
  ) == NULL) S
