@@
identifier x;
expression E;
@@
(
- int x = E;
|
- while (x) foo();
)
