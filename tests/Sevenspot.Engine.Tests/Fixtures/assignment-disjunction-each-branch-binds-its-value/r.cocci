@@
expression E;
identifier F;
@@
x = \(E\|F(E)\);
...
- g(E);
