
#define BYTES(t) sizeof(t)
static int total(void) { return ARRAY_SIZE(tbl) + BYTES(tbl); }
