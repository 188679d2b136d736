@@
@@
#include <linux/b.h>
+ #include <new.h>
