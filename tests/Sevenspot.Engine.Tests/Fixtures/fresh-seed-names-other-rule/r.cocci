@r@
identifier x;
expression E;
@@

f(x, E);

@@
identifier r.x;
fresh identifier a = "foo_" ## x;
@@

- g(x);
+ g(a);

@@
fresh identifier c = "h_" ## r.x ## "_end";
@@

- h();
+ h(c);
