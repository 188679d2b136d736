@@
expression *ptr;
identifier v;
@@
(
  ptr ==
- 0
+ NULL
|
  v =
- 4
+ 8
|
  ptr =
- 0
+ NULL
)
