@@
local idexpression int x;
expression E;
@@
- x = E;
+ x = (int)(E);
