@@
expression x;
@@
switch (x) {
case 1:
- a();
+ z();
  ...
}
