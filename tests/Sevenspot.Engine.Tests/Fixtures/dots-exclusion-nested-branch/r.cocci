@@
expression x;
@@
lock(x);
...
- unlock(x);
