@ops@
constant k1, k2;
binary operator cmp = {==,&};
binary operator rel =~ "=$";
@@
probe(k1 cmp k2);
...
verify(k1 rel k2);

@@
expression lhs, rhs;
binary operator op = {ops.cmp, ops.rel} && !~ "^!";
@@
- swap_args(lhs op rhs);
+ swap_args(rhs op lhs);
