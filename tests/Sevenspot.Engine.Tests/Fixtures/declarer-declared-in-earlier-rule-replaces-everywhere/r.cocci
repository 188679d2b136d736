@first@
declarer name DEFINE_OLD_ATTR;
declarer name DEFINE_NEW_ATTR;
identifier f;
@@
DEFINE_OLD_ATTR(f, ...);

@second@
identifier first.f;
expression g, s;
@@
- DEFINE_OLD_ATTR(f, g, s);
+ DEFINE_NEW_ATTR(f, g, s);
