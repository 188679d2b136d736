@@
identifier f, d, n;
@@

- f(struct dev *d, int n) {
+ f(int n) { trace(n);
   ...
 }
