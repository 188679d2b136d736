@@
expression x;
identifier fn;
constant C;
@@
switch (x) {
case C:
- fn();
}
