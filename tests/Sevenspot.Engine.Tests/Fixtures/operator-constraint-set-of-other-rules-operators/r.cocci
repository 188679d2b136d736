@r1@
constant c1, c2;
binary operator b1 = {==,&};
binary operator b2 =~ "=$";
@@
f(c1 b1 c2);
...
g(c1 b2 c2);

@@
expression a, e;
binary operator b = {r1.b1, r1.b2} && !~ "^!";
@@
- h(a b e);
+ h(e b a);
