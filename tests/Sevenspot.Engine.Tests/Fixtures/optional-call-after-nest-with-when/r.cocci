@@
expression src;
identifier spare;
type T;
@@
-T spare;
 <... when strict
 when != spare
 xchg_val(src, spare);
 ...>
?flush_slot();
