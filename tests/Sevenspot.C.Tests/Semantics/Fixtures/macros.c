// Uses of #define'd macros have the type of the macro body, as in spatch.
#define LIMIT 10
#define BIG (1UL << 40)
#define NAME "name"
#define NONE ((struct foo *)0)
#define ALIAS LIMIT
#define SELF SELF
#define MAKE(x) ((struct foo *)(x))
#define FIELD(p) ((p)->a)
#define STATEMENT do { } while (0)
struct foo { int a; };

void f(struct foo *p)
{
	check(LIMIT);	// int
	check(BIG);	// unsigned long
	check(NAME);	// char []
	check(NONE);	// struct foo *
	check(ALIAS);	// int
	check(SELF);	// ?
	check(MAKE(p));	// struct foo *
	check(FIELD(p));	// ?
	check(STATEMENT);	// ?
	check(MAKE);	// ?
}
