// SMPL-SEMANTICS.md 6.5, i06: with `struct foo *E;`, spatch marks release(E) for a, &s, t,
// get_foo(), global_foo and the cast, but not b and not the undeclared identifier.
struct foo;
struct bar;
typedef struct foo foo_t;
struct foo *get_foo(void);
struct foo *global_foo;
void release(struct foo *);

void f(struct foo *a, struct bar *b, foo_t *t)
{
	struct foo s;

	check(a);	// struct foo *
	check(b);	// struct bar *
	check(&s);	// struct foo *
	check(t);	// foo_t *
	check(get_foo());	// struct foo *
	check(global_foo);	// struct foo *
	check(unknown);	// ?
	check((struct foo *)b);	// struct foo *
}
