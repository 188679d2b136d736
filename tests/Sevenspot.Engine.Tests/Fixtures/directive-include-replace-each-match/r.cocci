@@
@@
- #include <linux/...>
+ #include <new.h>
