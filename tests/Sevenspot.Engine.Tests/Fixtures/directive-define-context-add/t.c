#define DRV_NAME "x"
#define OTHER 2
#define DRV_VERSION \
	"1.0"
int x;
