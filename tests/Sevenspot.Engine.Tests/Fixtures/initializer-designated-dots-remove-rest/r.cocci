@@
identifier x;
@@
struct foo x = {
  .a = 1,
- ...
};
