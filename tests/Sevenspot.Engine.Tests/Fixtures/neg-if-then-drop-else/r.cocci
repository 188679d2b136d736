@@
expression x;
statement S1, S2;
@@
+ foo();
  if (x == NULL)
    S1
  else
    S2
