@@
statement S;
@@
(
  if (...)
- {
	foo(...);
- }
  else S
|
  if (...)
- {
	foo(...);
- }
|
  while (...)
- {
	foo(...);
- }
|
  for (...;...;...)
- {
	foo(...);
- }
)
