@@
declarer name DEFINE_MUTEX, DEFINE_SPINLOCK;
identifier m;
@@
- DEFINE_MUTEX(m);
+ DEFINE_SPINLOCK(m);
