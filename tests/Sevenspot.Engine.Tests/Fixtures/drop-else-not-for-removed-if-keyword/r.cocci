@@
expression x;
statement S1, S2;
@@
- if (x == NULL)
+ if (!x)
    S1
  else
    S2
