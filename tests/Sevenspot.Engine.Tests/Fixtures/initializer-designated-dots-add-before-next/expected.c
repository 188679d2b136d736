struct foo y = {
  .c = 3,
  .b = 2,
  .a = 1,
  .d = 4
};
struct foo z = {
  .c = 3,
  .b = 2,
  .a = 1,
  .d = 4,
};
struct foo y = {
  .b = 2,
  .a = 1,
  .d = 4
};
struct foo z = {
  .d = 4,
  .b = 2,
  .a = 1,
};
struct foo w = {
  .b = 2,
  .a = 1,
};
