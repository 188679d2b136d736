@@
expression x;
@@
switch (x) {
case 3:
  ...
- c();
  ...
}
