#define __ro MACROANNOTATION

struct ops renamed = {
	.a = 2,
};

static struct ops three __attribute__((unused)) = { .a = 3 };
