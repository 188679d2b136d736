@@
expression E, F, G;
statement S1, S2;
@@

if (\(E && F\&ready(G) && F\))
- S1
+ stop(F);
else S2
