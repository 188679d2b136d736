@@
int n;
struct s v;
@@
(
- h(n)
+ put_int(n)
|
- k(v)
+ put_s(&v)
)
