@@
identifier tag, tail;
type ty;
@@
struct tag {
  ...
  ty tail[
- 0
  ];
};

@@
identifier tag, fld;
type ty;
@@
struct tag {
- ty fld;
+ ty head_fld;
  ...
};
