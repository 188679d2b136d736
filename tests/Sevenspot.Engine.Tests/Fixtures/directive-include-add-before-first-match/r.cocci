@@
@@
+ #include "new.h"
  #include <linux/...>
