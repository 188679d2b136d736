@n@
position p;
expression E;
statement S, S1;
@@

E = NULL
... when != E = make(...)
if@p (\(E\|!E\)) S else S1

@@
expression E, E1;
statement S, S1;
position p1 != n.p;
@@

- E = make(...);
+ E = make_checked();
... when != E = E1
if@p1 (\(E\|!E\)) S else S1
