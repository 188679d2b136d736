@@
statement S1, S2;
@@
(
if (...) { ... }
|
if (...) S1
- S2
)
