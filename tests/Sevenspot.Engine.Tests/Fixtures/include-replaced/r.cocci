@@
@@
- #include <linux/old.h>
+ #include <linux/new.h>
