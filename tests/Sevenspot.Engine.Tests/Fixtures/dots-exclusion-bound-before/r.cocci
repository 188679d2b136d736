@@
expression x;
@@
foo(x);
...
- bar(x,1);
