@@
@@
enum dev_state {
  ...,
  DEV_UP,
+ DEV_GONE
};
