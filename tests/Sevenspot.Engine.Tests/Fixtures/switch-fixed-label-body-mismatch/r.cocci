@@
expression x;
@@
switch (x) {
case 1:
- c();
}
