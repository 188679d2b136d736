struct ops a = { .open = o, .close = c };
struct ops b = {
  .open = o,
};
struct ops c = { .open = o };
