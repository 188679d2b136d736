@@
expression x;
@@
- check(x)
+ checked(x)
  && ...
