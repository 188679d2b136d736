@@
@@
+ #include "new.h"
  #include <asm/...>
