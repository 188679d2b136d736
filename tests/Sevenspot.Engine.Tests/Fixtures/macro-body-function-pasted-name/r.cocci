@@
expression E1, E2;
@@
  E1 * E2
  ...
- array_size(E1, E2)
+ size_mul(E1, E2)
