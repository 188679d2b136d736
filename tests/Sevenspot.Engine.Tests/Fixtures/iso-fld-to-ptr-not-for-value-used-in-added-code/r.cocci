@@
struct foo s;
@@
- s.f = 1;
+ set(&s);
