@@ @@
 foo();
+ static int *p, y;
+ int a, b, c;
+ int (*f)(int), g;
+ int h, (*k)(char *);
+ char *s, t[4];
+ struct s *u, v;
+ int m = 1, *n;
+ int (*q)(int) = r, (*w)(int);
