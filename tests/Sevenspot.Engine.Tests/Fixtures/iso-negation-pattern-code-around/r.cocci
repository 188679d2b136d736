@@
expression x;
statement S;
@@
 if (
+ BAD(
  !x
+ )
 ) S
