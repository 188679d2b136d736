@r1@
expression E;
identifier fn;
@@
fn(...) {
 <...
 f(E)
 ...>
 }

@@
expression r1.E;
@@

- g(E)
+ h(E)
