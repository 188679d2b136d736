#define __hot_path MACROANNOTATION

int reader(void)
{
	char *p = (char __hot_path *) base;
	return (__hot_path int) *p;
}
