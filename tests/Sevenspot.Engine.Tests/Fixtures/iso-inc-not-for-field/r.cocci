@@
expression e;
identifier fld;
@@
- e->fld++;
+ inc(&e->fld);
