@@
expression x;
@@
- x++;
+ inc(&x);
