@@
expression E;
@@
(
 (h(
- E
+ 0
  ) + 1)
|
 (k(
- E
+ 1
  ))
)
