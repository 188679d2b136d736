// kmalloc followed by a memset to zero of the whole allocation is kzalloc.
@@
expression x, size, flags;
@@

- x = kmalloc(size, flags);
+ x = kzalloc(size, flags);
  ...
- memset(x, 0, size);
