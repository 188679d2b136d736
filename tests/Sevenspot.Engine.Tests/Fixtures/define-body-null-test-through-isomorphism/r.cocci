@@
expression x;
@@
- x == NULL
+ !x
