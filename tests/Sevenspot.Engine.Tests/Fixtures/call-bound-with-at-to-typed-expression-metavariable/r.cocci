@@
{int, long} vs;
identifier f;
@@
- f(...)@vs
+ checked(vs)
