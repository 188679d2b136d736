@@
expression x;
statement S;
@@
- if (<+... x ...+>)
+ if (check(x))
  S
