@@
identifier s;
@@
struct ops s = {
+#ifdef CONFIG_X
 .b = 1,
+#endif
};
