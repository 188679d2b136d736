@@
expression x;
@@
- bar(x);
+ baz(x);
+ qux(x);
