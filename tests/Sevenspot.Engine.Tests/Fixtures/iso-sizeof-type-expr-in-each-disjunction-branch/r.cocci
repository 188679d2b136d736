@ found @
type T;
expression E;
@@
(
 make_thing (sizeof(T), ...)
|
 make_thing (sizeof(T) + E, ...)
)

@ depends on found @
struct box *b;
@@
- b->data
+ box_data(b)
