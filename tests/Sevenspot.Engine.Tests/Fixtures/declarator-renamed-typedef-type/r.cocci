@@
identifier p;
typedef Packet;
@@
  Packet
- p
+ q
  ;
