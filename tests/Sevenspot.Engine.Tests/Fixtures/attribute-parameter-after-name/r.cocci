@@
type rty, pty;
attribute name __tagged;
identifier fn, p;
@@

rty fn(
-   pty p __tagged
+   unsigned int flags
  ) {...}
