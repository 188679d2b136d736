@m@
identifier name, arg;
@@
- #define name(arg)  ARRAY_SIZE(arg)

@@
identifier m.name;
expression val;
@@
- name(val)
+ ARRAY_SIZE(val)
