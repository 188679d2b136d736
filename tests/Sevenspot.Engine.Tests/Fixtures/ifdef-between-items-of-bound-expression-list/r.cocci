@@ expression list es; @@
- g(es);
+ h(es);
