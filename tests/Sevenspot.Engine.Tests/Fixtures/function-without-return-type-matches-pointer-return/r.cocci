@@
identifier f;
@@
f(...) {
+ setup();
...
}
