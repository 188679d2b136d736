@@
expression E, F;
@@
f(\(E\|F\));
...
- g(E);
