@@
expression E, F;
@@
f(\(E\|
- F
+ k(F)
\));
...
- g(E);
