@@
@@
  lock();
  ...
- unlock();
+ release();
