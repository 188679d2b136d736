@@
identifier s, x;
@@
  struct s x = {
  ...,
- .release = r,
  ...
  };
