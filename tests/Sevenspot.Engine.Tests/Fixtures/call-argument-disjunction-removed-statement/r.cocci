@@
expression E, F;
@@
- f(\(E\|F\));
+ fx();
...
- g(E, 1);
