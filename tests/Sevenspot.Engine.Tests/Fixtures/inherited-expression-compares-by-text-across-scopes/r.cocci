@r@
expression val;
@@
note(val);

@@
expression r.val;
@@
- check(val);
+ verify(val);
