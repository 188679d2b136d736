@@
expression c;
@@

-  c->flags & PF_FREEZE
+  freezing(c)
   ...
?- refrigerator(PF_FREEZE)
+  refrigerator()
   ...
?  c->flags & PF_FREEZE
