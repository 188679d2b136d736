@@
identifier x;
@@
- char x;
+ char y;
