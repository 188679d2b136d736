// A when clause with a subterm-constrained metavariable: only an assignment to (or the address
// of) a part of the lock expression separates the two locks.
@r@
expression E;
@@
spin_lock(E);

@@
expression x <= r.E;
expression r.E;
expression E2;
@@
spin_lock(E);
... when != E
    when != \(x = E2\|&x\)
- spin_lock(E);
+ BUG();
