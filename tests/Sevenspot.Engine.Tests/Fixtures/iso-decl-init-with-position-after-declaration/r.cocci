@r@
identifier i;
position p;
@@

int i;@p
...
g(&i);

@@
identifier r.i;
@@

- h(i);
