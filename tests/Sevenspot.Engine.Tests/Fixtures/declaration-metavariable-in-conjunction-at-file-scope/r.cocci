@found@
identifier tag;
field list members;
identifier var;
declaration decl;
@@
(
struct tag { members } *var;
&
- decl
)
