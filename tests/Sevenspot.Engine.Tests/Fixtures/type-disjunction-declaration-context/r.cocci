@@
identifier x;
expression E;
@@
  \(char\|short\) x = E;
  <...
- free(x)
+ kfree(x)
  ...>
