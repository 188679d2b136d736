@@
expression x;
@@
- foo(x);
+ baz(x);
+ qux(x);
