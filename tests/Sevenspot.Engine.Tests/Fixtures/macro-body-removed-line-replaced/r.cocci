@@
expression E;
@@
- trace(E);
+ trace_event(E, 0);
