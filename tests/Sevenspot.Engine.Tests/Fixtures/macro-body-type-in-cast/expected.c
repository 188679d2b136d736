#define TO_OLD(p) ((struct new_s *)(p))
#define SIZE_OLD sizeof(struct new_s)
struct new_s *h(void *p) { return TO_OLD(p); }
