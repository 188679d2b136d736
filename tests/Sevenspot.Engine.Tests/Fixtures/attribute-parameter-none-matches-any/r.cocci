@@
type rty, pty;
attribute name __tagged;
identifier fn, p;
@@

rty fn(
-   pty p
+   unsigned int flags
  ) {...}
