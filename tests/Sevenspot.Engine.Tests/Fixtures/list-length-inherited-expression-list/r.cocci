@ rule1 @
parameter list[n] P;
identifier x;
@@
f (P,int x,...) { ... }

@ rule3 @
expression list[rule1.n] Es;
expression E;
@@
g (Es,
-    E,
   ...)
