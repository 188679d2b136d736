@gone exists@
identifier v;
identifier fn;
@@
fn(...) { ... when any
- long v;
... when any
}

@@
identifier gone.fn, gone.v;
@@
fn(...) {
++ unsigned short v;
... when any
}
