@@
expression x, E;
@@
switch (x) {
case 1:
- foo(E);
+ foo2(E);
  break;
case 2:
  bar(E);
  break;
}
