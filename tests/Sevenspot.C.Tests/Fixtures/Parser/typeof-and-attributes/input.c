/* typeof and __attribute__. */
struct packet {
	u8 kind;
	u32 len;
} __attribute__((packed));

struct aligned_buf {
	char data[64];
} __attribute__((aligned(64), __unused__));

static int counter __attribute__((unused)) = 0;

void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

static inline void swap_ptrs(void **a, void **b)
{
	typeof(*a) tmp = *a;
	__typeof__(b) pb = b;
	typeof(int *) p = NULL;

	*a = *pb;
	*b = tmp;
}
