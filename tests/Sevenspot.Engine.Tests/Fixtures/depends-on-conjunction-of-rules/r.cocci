@a@
@@
foo();
@b@
@@
bar();
@depends on a && b@
@@
- baz();
+ qux();
