@@
type T;
attribute name __a;
identifier x;
@@

  (
-	T
+	long
	__a
  ) x
