@found@
identifier tag;
field list members;
identifier var;
@@
struct tag { members } *var;

@@
field list found.members;
@@
++struct dev_snapshot { members };
 struct dev_end { ... };
