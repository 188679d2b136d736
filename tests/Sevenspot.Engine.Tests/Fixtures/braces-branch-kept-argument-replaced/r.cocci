@@
expression E;
@@
  g(
- E
+ wrap(E)
  );
