@@
identifier x = a;
@@
- int x;
++ char x;
