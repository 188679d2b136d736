@@
identifier v;
typedef frame_t;
@@
  frame_t
- v
+ hdr
  ;
