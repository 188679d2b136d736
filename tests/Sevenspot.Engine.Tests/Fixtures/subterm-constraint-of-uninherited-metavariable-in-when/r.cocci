@r exists@
position p1,p2;
expression x;
@@

if (x@p1 == NULL) { ... kfree@p2(x); ... return ...; }

@unchanged exists@
position r.p1,r.p2;
expression e <= r.x,x,e1;
@@

if (x@p1 == NULL) { ... when != e = e1
   kfree@p2(x); ... return ...; }

@depends on unchanged@
position r.p2;
expression x;
@@

-kfree@p2(x);
