@@
expression x;
constant C;
@@
switch (x) {
case C:
- c();
}
