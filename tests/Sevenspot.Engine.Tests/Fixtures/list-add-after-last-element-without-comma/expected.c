enum dev_state {
	DEV_INIT = 0,
	DEV_DOWN,
	DEV_UP,
	DEV_GONE
};
enum link_state {
	LINK_INIT,
	DEV_UP,
};
static const int order[] = { 3, 4, DEV_UP };
