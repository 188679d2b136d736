struct foo y = {
  .a = 1,
};
struct foo z = {
  .a = 1,
};
struct foo y = {
  .a = 1,
};
struct foo z = {
  .a = 1,
};
struct foo w = {
  .a = 1,
};
