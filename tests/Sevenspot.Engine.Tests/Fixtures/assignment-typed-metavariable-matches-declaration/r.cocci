@@
expression *E;
@@
  E =
- 0
+ NULL
