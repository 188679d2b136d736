@@
typedef old_t;
@@
- old_t
+ struct new_s
