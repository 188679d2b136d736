@@
@@
 void \(f\|g\)(int x) {
  ...
- return;
+ x++;
 }
