typedef struct s { int a; } item_t;
static item_t items[4];
static const item_t *ptrs[2];
#define N_ITEMS ARRAY_SIZE(items)
#define N_PTRS ARRAY_SIZE(ptrs)
int f(void)
{
	return ARRAY_SIZE(items) + N_ITEMS;
}
