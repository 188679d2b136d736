@seen@
expression val;
identifier fn;
@@
fn(...) {
 <...
 note(val)
 ...>
 }

@@
expression seen.val;
@@

- check(val)
+ verify(val)
