@@
identifier x;
@@
struct foo x = {
  ...,
+ .b = 2,
  .a = 1,
};
