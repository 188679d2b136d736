@@
expression E;
@@
switch (E) {
case 5:
- q();
  break;
default:
  ...
}
