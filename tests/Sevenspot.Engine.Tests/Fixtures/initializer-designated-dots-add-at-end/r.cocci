@@
identifier x;
@@
struct foo x = {
  .a = 1,
  ...,
+ .b = 2,
};
