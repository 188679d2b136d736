@@
expression E;
@@
if (E) {
- g();
}
