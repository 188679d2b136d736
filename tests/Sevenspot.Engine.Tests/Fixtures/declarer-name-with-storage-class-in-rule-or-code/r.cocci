@def@
declarer name DEFINE_MUTEX;
identifier m;
@@

static DEFINE_MUTEX(m);

@@
identifier def.m;
@@

- spin_lock(&m)
+ mutex_lock(&m)
