@@
expression E;
statement S1, S2;
@@
  if (E == NULL) {
    ... when != if (...) S1 else S2
-   g(E);
+   h(E);
    ... when any
  }
