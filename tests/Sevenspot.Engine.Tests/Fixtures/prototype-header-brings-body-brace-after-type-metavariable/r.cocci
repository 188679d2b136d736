@@
identifier f, d, n;
type T;
@@

 T
- f(struct dev *d, int n) {
+ f(int n) {
   ...
 }
