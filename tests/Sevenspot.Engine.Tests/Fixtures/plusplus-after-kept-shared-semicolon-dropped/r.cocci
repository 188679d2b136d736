@@
identifier x = a;
@@
 int x;
++ char y;
