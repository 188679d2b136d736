@@
type elt;
const elt[] arr;
@@

- (sizeof(arr)/sizeof(elt))
+ ARRAY_SIZE(arr)
