struct ops a = { .open = o, .release = r, .close = c };
struct ops b = {
  .release = r,
  .open = o,
};
struct ops c = { .open = o };
