@@
expression E;
@@
  foo(E
+ , 0
  );
