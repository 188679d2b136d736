@@
idexpression x;
@@
- x++;
+ inc(&x);
