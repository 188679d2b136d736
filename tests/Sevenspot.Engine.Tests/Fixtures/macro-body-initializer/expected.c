#define INIT(s) { \
	.speed = (s) * 2, \
	.width = 8, \
}
struct cfg c = { .speed = 4* 2, .width = 2 };
