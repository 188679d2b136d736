@@
expression E;
statement S1, S2;
@@

if (
- \(E && busy\|busy || E\)
+ idle(E)
  ) S1 else S2
