@@
type T1;
identifier fn;
@@
- (T1)fn
+ fn
