@@
expression E;
statement S;
@@

(
  f((
- E
+ g(E)
  ));
|
  if (unlikely(
- E
+ g(E)
  )) S
|
  if (
- E
+ g(E)
  != NULL) S
)
