struct foo y = {
  .c = 3,
  .a = 1,
  .d = 4,
  .b = 2,
};
struct foo z = {
  .c = 3,
  .a = 1,
  .d = 4,
  .b = 2,
};
struct foo y = {
  .a = 1,
  .d = 4,
  .b = 2,
};
struct foo z = {
  .d = 4,
  .a = 1,
  .b = 2,
};
struct foo w = {
  .a = 1,
  .b = 2,
};
