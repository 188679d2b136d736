@@
struct item *E;
identifier fld;
@@

  E->
- fld
+ fld_v2
