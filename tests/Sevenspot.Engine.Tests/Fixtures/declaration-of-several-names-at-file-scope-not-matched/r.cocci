// At file scope a declaration pattern of several declarators matches nothing, in spatch's reading.
@@
identifier x, y;
@@
- int x, y;
