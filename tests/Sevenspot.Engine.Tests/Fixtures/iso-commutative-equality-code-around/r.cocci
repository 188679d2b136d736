@@
expression x, y;
statement S;
@@
 if (
+ BAD(
  x == y
+ )
 ) S
