// "{ ... ( A | B ) ... }" also matches an unbraced body when each branch of the disjunction is one
// statement or expression (braces isomorphism); a branch of two statements is not one statement.
@@
expression E;
statement S;
@@
if (E == NULL)
{
  ...
(
  for (;;) S
|
- foo(E);
+ bar(E);
|
  E->f
)
  ... when any
}

@@
expression E;
@@
if (E == NULL)
{
  ...
(
- baz(E);
+ qux(E);
  baz(E);
|
- one(E);
+ two(E);
)
  ... when any
}
