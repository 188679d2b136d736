@ptrs@
identifier v;
@@
  frame_t
- v
+ *v
  ;
