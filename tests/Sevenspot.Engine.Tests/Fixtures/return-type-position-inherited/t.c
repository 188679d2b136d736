int get_a(int x) { return x; }
static unsigned long get_b(void) { return 0; }
struct s *get_c(void) { return 0; }
static inline const char *get_d(void) { return 0; }
unsigned
get_e(void)
{
	return 0;
}
int put_a(int x) { return x; }
struct s *put_c(void) { return 0; }
