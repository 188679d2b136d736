@@
expression E;
@@
  foo(
- E
  );
