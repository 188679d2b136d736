@@
identifier i;
expression n;
statement S;
@@
- for (i = 0; i < n; i++)
+ for (i = n - 1; i >= 0; i--)
  S
