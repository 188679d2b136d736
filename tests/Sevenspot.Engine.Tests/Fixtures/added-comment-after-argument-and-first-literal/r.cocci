@@
expression a, b;
@@
- foo(a, b);
+ bar(/* only */ 1,
+     a /* after a */, b);
