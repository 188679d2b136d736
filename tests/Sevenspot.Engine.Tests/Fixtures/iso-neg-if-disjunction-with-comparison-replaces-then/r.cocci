@@
expression A;
statement S1, S2;
@@
if (\(!A\|A > 0\)) S1 else
- S2
+ second();
