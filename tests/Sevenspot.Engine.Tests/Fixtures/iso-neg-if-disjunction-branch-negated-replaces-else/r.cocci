@@
expression A, B;
statement S1, S2;
@@
if (\(!A\|B == NULL\))
- S1
+ first();
else S2
