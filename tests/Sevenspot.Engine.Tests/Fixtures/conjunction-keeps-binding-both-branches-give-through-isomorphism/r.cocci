@@
expression E;
@@
(
  if (E) return;
&
- if (E != 0) return;
+ if (E) return -1;
)
