@@
expression E;
@@
- sizeof(E)
+ sizeof_e(E)
