@@
statement S1;
expression E;
@@
- if (E) S1 else S1
+ S1
