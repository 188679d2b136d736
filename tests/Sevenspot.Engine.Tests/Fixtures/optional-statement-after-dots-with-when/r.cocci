@@
identifier spare;
type T;
@@
-T spare;
 ... when != spare
?flush_slot();
