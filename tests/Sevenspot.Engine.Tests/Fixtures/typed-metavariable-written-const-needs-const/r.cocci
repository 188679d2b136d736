@@
const struct s *x;
@@
- g(x);
+ put(x);
