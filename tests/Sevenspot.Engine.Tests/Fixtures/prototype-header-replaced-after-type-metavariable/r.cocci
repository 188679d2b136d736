@@
identifier fn2;
identifier bcs, ev;
type T;
@@

 T
- fn2(struct BCState *bcs, int ev)
+ fn2(int ev)
 {
   ...
 }
