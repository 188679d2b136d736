@@
@@
(
  if (...)
- {
- trace(...);
  bar(...);
- }
|
  while (...)
- {
- trace(...);
  bar(...);
- }
)
