@ disable inc @
identifier x;
@@
- x++;
+ inc(&x);
