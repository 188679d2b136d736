@@
declarer name DEFINE_MUTEX;
iterator name list_for_each;
identifier m;
expression E1, E2;
statement S;
@@
(
- DEFINE_MUTEX(m);
+ DEFINE_LOCK(m);
|
- list_for_each(E1, E2) S
)
