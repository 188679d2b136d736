#define TO_OLD(p) ((old_t *)(p))
#define SIZE_OLD sizeof(old_t)
old_t *h(void *p) { return TO_OLD(p); }
