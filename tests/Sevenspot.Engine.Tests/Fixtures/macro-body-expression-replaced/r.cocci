@@
expression arr;
type elt;
@@

- (sizeof(arr)/sizeof(elt))
+ ARRAY_SIZE(arr)
