@@
expression x, E, E3;
@@
- x = kmalloc(E);
+ x = kzalloc(E);
  ... when != \( x = E3 \| <+...x...+>=E \)
- memset(x, 0, E);
