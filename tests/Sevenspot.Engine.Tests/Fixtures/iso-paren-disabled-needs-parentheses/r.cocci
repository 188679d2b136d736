@ disable paren @
expression E;
@@
- (a + E)
+ h(E)
