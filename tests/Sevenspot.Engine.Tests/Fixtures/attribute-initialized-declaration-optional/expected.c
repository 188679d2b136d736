#define __ro MACROANNOTATION

struct ops renamed __ro = {
	.a = 1,
};

struct ops renamed = {
	.a = 2,
};

static struct ops renamed __attribute__((unused)) = { .a = 3 };
