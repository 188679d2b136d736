@@
identifier i =~ "^CALL";
expression E;
@@
#define i(...) foo( \
- E \
+ (E) \
  )
