// expression x <= r.E: x matches an expression equal, token for token, to a subterm of E's value
// (E itself, parenthesised parts as written), wherever it is; a field name is not a subterm.
@r@
expression E;
@@
foo(E);

@@
expression x <= r.E;
@@
- bar(x);
+ baz(x);
