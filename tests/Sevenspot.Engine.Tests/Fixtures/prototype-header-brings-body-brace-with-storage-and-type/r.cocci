@@
identifier f, d, n;
@@

- static void f(struct dev *d, int n) {
+ static int f(int n) {
   ...
 }
