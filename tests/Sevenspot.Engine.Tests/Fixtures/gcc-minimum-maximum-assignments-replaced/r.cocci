@@
expression x, y;
@@
(
- x <?= y;
+ x = MIN(x, y);
|
- x >?= y;
+ x = MAX(x, y);
)
