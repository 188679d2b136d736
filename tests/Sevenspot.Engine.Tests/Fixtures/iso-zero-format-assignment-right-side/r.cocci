@@
expression x;
@@
- x = 0;
+ x = z;
