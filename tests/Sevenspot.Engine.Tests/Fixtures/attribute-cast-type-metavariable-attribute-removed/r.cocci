@@
type T;
attribute name __a;
identifier x;
@@

  (
	T
-	__a
  ) x
