#define INIT(s) { \
	.speed = (s), \
	.width = 8, \
}
struct cfg c = { .speed = 4, .width = 2 };
