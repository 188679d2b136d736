@@
identifier f, d;
@@

- f(struct dev *d) {
+ f(struct dev *d, int lock) {
   ...
 }
