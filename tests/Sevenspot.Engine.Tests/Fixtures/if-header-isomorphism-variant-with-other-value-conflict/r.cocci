@@
expression x;
statement S;
@@
- if (x != NULL)
+ if (nonnull(x))
  S
