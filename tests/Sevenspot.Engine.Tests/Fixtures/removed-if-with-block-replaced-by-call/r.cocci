@@
identifier x;
@@
- if (x) { foo(x); }
+ bar(x);
