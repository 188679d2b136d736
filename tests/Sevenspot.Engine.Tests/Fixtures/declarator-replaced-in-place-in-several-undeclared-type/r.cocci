@rule2@
identifier p;
@@
  Packet
- p
+ *p
  ;
