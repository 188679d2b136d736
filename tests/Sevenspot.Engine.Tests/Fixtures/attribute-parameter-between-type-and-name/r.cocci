@@
type rty, pty;
attribute name __tagged;
identifier fn, p;
@@

rty fn(
-   pty __tagged p
+   unsigned int flags
  ) {...}
