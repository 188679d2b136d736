@@
type ty;
attribute name __tagged;
identifier v;
@@

  (
-	ty
+	unsigned int
	__tagged
  ) v
