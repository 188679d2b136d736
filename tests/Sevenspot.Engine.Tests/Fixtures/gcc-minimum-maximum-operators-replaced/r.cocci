@@
expression x, y;
@@
(
- x <? y
+ MIN(x, y)
|
- x >? y
+ MAX(x, y)
)
