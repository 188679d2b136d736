@@
expression *x;
@@
 h(x,
- sizeof(x)
+ sizeof(*x)
 );
