@@
type T;
expression E;
@@
- (unsigned T)E
+ (T)E
