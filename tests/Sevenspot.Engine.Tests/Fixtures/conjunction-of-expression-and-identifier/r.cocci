@@
expression E;
identifier x;
@@
- free(
+ release(
(
  E
&
  x
)
  );
