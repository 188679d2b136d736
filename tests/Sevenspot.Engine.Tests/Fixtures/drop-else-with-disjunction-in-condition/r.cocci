@@
expression E;
statement S1, S2;
@@

if (\(!E\|E > LIMIT\))
- S1
+ stop();
else S2
