@@
typedef u8;
@@
- u8
+ struct s {
+	int a;
+	long b;
+ }
