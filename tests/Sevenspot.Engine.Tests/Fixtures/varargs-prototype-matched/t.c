#include <stdarg.h>
int log_a(const char *fmt, ...);
int log_b(const char *fmt);
int log_c(const char *s, int level, ...);
static int log_d(const char *msg, ...);
void trace(int, ...);
void trace_n(int);
void trace_m(int, int, ...);
int main(void)
{
	return 0;
}
