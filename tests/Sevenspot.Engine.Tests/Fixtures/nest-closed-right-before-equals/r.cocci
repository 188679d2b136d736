@@
expression x, E;
identifier f;
@@
- x = kmalloc(E);
+ x = kzalloc(E);
  ... when != \(f(...,x,...)\|<+...x...+>=E\)
- memset(x, 0, E);
