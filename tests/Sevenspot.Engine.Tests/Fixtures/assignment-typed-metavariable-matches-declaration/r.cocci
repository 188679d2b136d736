@@
expression *ptr;
@@
  ptr =
- 0
+ NULL
