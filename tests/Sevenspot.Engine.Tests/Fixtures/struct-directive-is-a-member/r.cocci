@@
identifier name, array;
type T;
@@
struct name {
  ...
  T array[
- 0
  ];
};

@@
identifier name, f;
type T;
@@
struct name {
- T f;
+ T first_f;
  ...
};
