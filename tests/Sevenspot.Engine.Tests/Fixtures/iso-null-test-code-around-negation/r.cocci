@@
expression x;
statement S;
@@
 if (
+ BAD(
  x == NULL
+ )
 ) S
