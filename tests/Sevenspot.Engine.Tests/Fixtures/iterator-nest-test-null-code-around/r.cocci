@@
iterator I;
expression x;
@@
I(x,...) { <...
+ BAD(
  x != NULL
+ )
 ...> }
