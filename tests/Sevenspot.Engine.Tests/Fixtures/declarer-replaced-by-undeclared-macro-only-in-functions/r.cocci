@@
declarer name DEFINE_MUTEX;
identifier m;
@@
- DEFINE_MUTEX(m);
+ DEFINE_SPINLOCK(m);
