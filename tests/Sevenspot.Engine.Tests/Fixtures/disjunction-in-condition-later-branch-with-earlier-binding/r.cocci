@@
expression E;
statement S;
@@
 E = alloc(...);
 ...
- if (\(E\|!E\))
+ if (unlikely(!E))
  S
