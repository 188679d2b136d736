@@
@@
int order[] = {
  ...,
  DEV_UP,
+ 9,
};
