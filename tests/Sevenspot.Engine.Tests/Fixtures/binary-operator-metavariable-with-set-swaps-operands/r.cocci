@@
binary operator b = {+,-};
expression E1, E2;
@@
- E1 b E2
+ E2 b E1
