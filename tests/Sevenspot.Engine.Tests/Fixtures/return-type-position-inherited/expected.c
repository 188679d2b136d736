long get_a(int x) { return x; }
static long get_b(void) { return 0; }
long get_c(void) { return 0; }
static inline long get_d(void) { return 0; }
long
get_e(void)
{
	return 0;
}
int put_a(int x) { return x; }
struct s *put_c(void) { return 0; }
