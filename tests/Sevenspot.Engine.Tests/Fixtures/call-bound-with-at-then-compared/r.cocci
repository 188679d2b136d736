@r@
{int, long} vs;
expression v;
identifier f;
@@
	v = f(...)@vs;
	...
-	v <= 0
+	v == 0
