@@
expression E;
@@
- x = E;
