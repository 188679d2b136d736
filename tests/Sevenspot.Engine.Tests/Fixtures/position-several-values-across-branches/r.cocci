@a@
position p;
identifier g;
expression E;
@@

f(E)
...
g@p(E,...)

@@
position a.p;
identifier a.g;
@@

- g@p(...);
