@@
expression x;
identifier fn;
@@
switch (x) {
case 1:
- fn();
}
