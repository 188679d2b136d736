enum dev_state {
	DEV_INIT = 0,
	DEV_DOWN,
	DEV_UP
};
enum link_state {
	LINK_INIT,
	DEV_UP,
};
int order[] = { 3, 4, DEV_UP };
