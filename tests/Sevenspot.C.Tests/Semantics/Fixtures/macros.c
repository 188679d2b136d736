// Uses of #define'd macros have the type of the macro body, as in spatch. The body is typed
// with what was declared before the #define, and a use sees the last #define before it.
#define LIMIT 10
#define BIG (1UL << 40)
#define NAME "name"
#define NONE ((struct foo *)0)
#define ALIAS LIMIT
#define SELF SELF
#define MAKE(x) ((struct foo *)(x))
#define FIELD(p) ((p)->a)
#define STATEMENT do { } while (0)
#define LATER (later_global)
#define USES_NEXT (NEXT + 1L)
#define NEXT 2UL
#define TWICE 1
#define TWICE 2L
#define PASTE(e) ((unsigned int)1e##e)
#define HIDDEN 5L
#define SHOWS HIDDEN
#define COMMENTED 1000000		/* 1s */
#define CONTINUED \
	(2UL)
#define LINE_COMMENT 'x' // note
#define SLASHES "a/*b//c"
#define GONE 1
#undef GONE
struct foo { int a; };
int later_global;

void f(struct foo *p)
{
	check(LIMIT);	// int
	check(BIG);	// unsigned long
	check(NAME);	// char []
	check(NONE);	// struct foo *
	check(ALIAS);	// int
	check(SELF);	// ?
	check(MAKE(p));	// struct foo *
	check(MAKE);	// ?
	check(FIELD(p));	// ?
	check(STATEMENT);	// ?
	check(LATER);	// ?
	check(USES_NEXT);	// long
	check(NEXT);	// unsigned long
	check(TWICE);	// long
	check(PASTE(3));	// unsigned int
	check(SHOWS);	// long
	check(COMMENTED);	// int
	check(CONTINUED);	// unsigned long
	check(LINE_COMMENT);	// char
	check(SLASHES);	// char []
	check(GONE);	// ?
	check(DEFINED_AFTER);	// ?
}

#define DEFINED_AFTER 'c'

void g(void)
{
	check(DEFINED_AFTER);	// char
}
