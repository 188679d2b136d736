struct ops one = {
	.a = 0,
#ifdef CONFIG_X
	.b = 1,
#endif
	.c = 2,
};

struct ops two = {
#ifdef CONFIG_X
	.b = 1,
#endif
};
