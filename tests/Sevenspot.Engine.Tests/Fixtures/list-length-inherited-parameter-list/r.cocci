@ rule1 @
expression list[n] Es;
@@
f (Es, 0)

@ rule2 @
parameter list[rule1.n] P;
identifier x;
@@
g (P,
-    int x,
   ...) { ... }
