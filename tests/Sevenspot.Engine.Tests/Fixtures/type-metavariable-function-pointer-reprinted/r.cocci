@@
type T;
identifier fn;
@@
- (T)fn
+ (T)wrap(fn)
