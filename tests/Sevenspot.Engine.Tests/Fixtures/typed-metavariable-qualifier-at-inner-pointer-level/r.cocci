@@
char **x;
@@
- f(x);
+ g(x);
