@@
expression E;
@@
- foo(E);
+ bar(E);
+ baz(E);
