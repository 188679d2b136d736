@@
statement S1;
@@

- if (...) S1 else S1
