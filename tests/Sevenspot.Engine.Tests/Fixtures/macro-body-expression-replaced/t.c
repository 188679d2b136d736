typedef struct s { int a; } item_t;
static item_t items[4];
static const item_t *ptrs[2];
#define N_ITEMS (sizeof(items)/sizeof(item_t))
#define N_PTRS (sizeof(ptrs) / sizeof(item_t *))
int f(void)
{
	return sizeof(items)/sizeof(item_t) + N_ITEMS;
}
