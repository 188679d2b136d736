@@
@@
(
if (...)
- {
- one(...);
- two(...);
+ three();
- }
|
while (...)
- {
- one(...);
- two(...);
- }
+ four();
)
