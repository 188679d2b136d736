@@
identifier p;
@@
  int
- p
+ q
  ;
