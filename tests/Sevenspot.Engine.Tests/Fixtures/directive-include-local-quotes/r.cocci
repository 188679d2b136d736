@@
@@
- #include "..."
+ #include <new.h>
