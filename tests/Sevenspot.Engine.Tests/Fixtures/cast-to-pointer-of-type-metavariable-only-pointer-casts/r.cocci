// A cast to a pointer built on a type metavariable is no pure type: the bare expression is not matched.
@@
type T;
expression E;
@@
- use((T *)E);
+ use_ptr(E);
