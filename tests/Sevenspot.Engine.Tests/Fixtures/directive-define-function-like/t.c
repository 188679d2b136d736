#define NSLOTS(t) ARRAY_SIZE(t)
#define BYTES(t) sizeof(t)
static int total(void) { return NSLOTS(tbl) + BYTES(tbl); }
