@r@
position p;
expression x;
statement S1, S2;
@@

if (x ==@p NULL) S1 else S2

@@
position r.p;
expression x;
statement S1, S2;
@@

- if (x ==@p NULL) S1 else S2
+ if (!x) S1 else S2
