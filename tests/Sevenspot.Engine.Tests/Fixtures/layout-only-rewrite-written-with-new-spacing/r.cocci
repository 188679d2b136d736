@@
expression x, y;
@@

- foo(x,y);
+ foo(x, y);
