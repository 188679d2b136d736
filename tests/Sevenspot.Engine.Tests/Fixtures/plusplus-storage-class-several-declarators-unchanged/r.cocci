@@
identifier x;
@@
- int x;
++ char x;
