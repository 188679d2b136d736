@@
identifier y;
expression x;
@@
(
- int y = 0;
+ int y = 1;
|
- x |= 0;
+ x |= 1;
|
- x == 0
+ x == 2
|
- return 0;
+ return 3;
)
