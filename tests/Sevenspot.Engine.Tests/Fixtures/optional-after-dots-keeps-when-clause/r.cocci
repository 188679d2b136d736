@@
identifier spare;
type T;
@@
-T spare;
 ... when != spare
?T spare;
