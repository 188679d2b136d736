@@
statement S1;
@@
+ same();
  if (...) S1 else S1
