@r@
expression E;
position p;
@@
E@p || ... || E

@bad@
expression r.E, fn;
position r.p;
@@
(
E@p
&
<+... fn(...) ...+>
)

@depends on !bad@
expression r.E;
position r.p;
@@
- E@p
+ 0
