@@
expression x;
@@
- a(<+... x ...+>);
+ b(x);
