@@
expression x, y;
@@
(
- MIN(x, y)
+ x <? y
|
- MAX(x, y)
+ x >? y
)
