struct ops one = {
	.a = 0,
	.b = 1,
	.c = 2,
};

struct ops two = {
	.b = 1,
};
