@@
expression a, b;
@@
- foo(a, b);
+ bar(/* first */ a, /* second */ b);
