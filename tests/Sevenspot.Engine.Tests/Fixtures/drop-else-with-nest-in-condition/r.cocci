@@
statement S1, S2;
@@

if (<+...
- old
+ new
  ...+>) S1 else S2
