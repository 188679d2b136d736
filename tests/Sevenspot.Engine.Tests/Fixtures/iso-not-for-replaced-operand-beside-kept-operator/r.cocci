@@
expression a, b;
identifier i;
statement S;
@@

(
  if (
- a
+ wrap(a)
  != NULL) S
|
  limit(
- a
+ wrap(a)
  < b);
|
  total(
- a
+ wrap(a)
  + 1);
|
  if (
- i
+ wrap(i)
  == NULL) S
|
  flags(MASK &
- a
+ wrap(a)
  );
)
