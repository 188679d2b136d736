@@
identifier N =~ "^DRV_";
expression E;
@@
#define N E
+#include <drv.h>
