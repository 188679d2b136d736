@@
type ty;
attribute name __tagged;
identifier v;
@@

  (
	ty
-	__tagged
  ) v
