#include <stdarg.h>
int log_b(const char *fmt);
int log_c(const char *s, int level, ...);
void trace_n(int);
void trace_m(int, int, ...);
int main(void)
{
	return 0;
}
