@@
@@
- #include <linux/...>
