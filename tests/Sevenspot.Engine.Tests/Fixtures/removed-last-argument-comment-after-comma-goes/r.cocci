@@
expression a, b;
@@
  foo(a
- , b
  )
