@@
identifier fn;
expression x;
@@
fn(...) {
  ...
  switch (x) {
  case 1:
  a();
+ added();
  ...
  }
  ...
}
