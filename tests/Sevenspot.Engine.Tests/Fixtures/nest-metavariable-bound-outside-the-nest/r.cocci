@exists@
expression e;
@@
e = ioremap(...);
...
- return <+...e...+>;
+ return unmap_first(e);
