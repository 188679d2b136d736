#define __ro MACROANNOTATION

struct ops one __ro = {
	.a = 1,
};

struct ops two = {
	.a = 2,
};

static struct ops three __attribute__((unused)) = { .a = 3 };
