@@
identifier x;
@@
- char x;
