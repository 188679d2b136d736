@@
expression x, y;
@@

- roundup((x), y)
+ roundup(x, y)
