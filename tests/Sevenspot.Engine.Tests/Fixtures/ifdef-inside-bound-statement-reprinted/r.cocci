@@ statement S; expression E; @@
- if (E) S
+ if (!E) S
