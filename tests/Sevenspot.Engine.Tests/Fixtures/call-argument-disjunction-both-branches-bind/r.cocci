@@
expression E;
@@
f(\(E\|E + 1\));
...
- g(E);
