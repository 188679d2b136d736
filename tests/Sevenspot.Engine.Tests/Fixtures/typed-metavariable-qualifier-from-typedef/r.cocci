@@
struct s *x;
@@
- f(x);
+ g(x);
