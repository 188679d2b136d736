@@
@@
  #include <linux/d.h>
+ #include "new.h"
