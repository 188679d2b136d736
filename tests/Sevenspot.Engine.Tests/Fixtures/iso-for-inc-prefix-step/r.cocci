@@
identifier i;
expression n;
@@
  for (i = 0; i < n; i++)
- g(n);
+ h(n);
