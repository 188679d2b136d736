@@
expression x, E;
@@
foo(x);
...
- bar(x,E);
