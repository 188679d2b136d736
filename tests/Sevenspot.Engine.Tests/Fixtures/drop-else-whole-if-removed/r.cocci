@r@
position p, q;
expression E;
statement S1, S2;
@@

if@p (E ==@q NULL) S1 else S2

@@
position r.p;
statement S1, S2;
@@

- if@p (...) S1 else S2

@@
statement S;
@@

  if (y)
    S
  else
    S
+ same();
