@@
expression *E;
identifier x;
@@
(
  E ==
- 0
+ NULL
|
  x =
- 1
+ 2
|
  E =
- 0
+ NULL
)
