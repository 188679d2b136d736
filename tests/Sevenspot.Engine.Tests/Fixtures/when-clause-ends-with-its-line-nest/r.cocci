@@
identifier x;
expression E;
@@

<... when != x
x = E;
...>
- f(x);
