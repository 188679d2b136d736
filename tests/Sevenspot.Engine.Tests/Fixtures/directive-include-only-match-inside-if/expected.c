#include <linux/a.h>
#ifdef X
#include <linux/b.h>
#include <new.h>
#endif
