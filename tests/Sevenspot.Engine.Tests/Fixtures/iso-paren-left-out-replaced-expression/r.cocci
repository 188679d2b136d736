@@
expression E;
@@
- (a + E)
+ h(E)
