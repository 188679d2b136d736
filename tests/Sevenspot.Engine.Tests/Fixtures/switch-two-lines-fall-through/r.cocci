@@
expression x;
@@
switch (x) {
case 3:
- c();
case 1:
  d();
}
