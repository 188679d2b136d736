@@
expression E;
@@
- return E;
+ if (E < 0)
+ 	return -EINVAL;
+ return E;
