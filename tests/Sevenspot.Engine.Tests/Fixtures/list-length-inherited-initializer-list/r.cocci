@ object @
identifier s;
field list[k] F;
@@
struct s {
  F
  int marker;
  ...
};

@@
identifier obj;
initializer list[object.k] E;
expression V;
@@
struct s obj = {
  E,
- V,
+ 0,
  ...
};
