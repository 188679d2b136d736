@first@
position pos;
identifier fn;
expression arg;
@@

start(arg)
...
fn@pos(arg, ...)

@@
position first.pos;
identifier first.fn;
@@

- fn@pos(...);
