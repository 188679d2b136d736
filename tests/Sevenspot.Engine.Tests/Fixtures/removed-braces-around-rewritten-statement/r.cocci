@first@
identifier tmp;
expression a, b;
@@

- tmp = a;
- a = b;
- b = tmp
+ exchange(a, b)
  ;

@depends on first@
@@
(
  for (...;...;...)
- {
	exchange(...);
- }
|
  if (...)
- {
	exchange(...);
- }
)
