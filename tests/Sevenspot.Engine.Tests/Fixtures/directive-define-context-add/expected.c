#define DRV_NAME "x"
#include <drv.h>
#define OTHER 2
#define DRV_VERSION \
	"1.0"
#include <drv.h>
int x;
