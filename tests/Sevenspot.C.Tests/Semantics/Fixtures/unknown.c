// Unknown names stay unknown; a typedef name that is declared nowhere is its own named type.
struct foo { int a; };

void f(foo_t x, struct foo *p, u32 *w, const blk_t b)
{
	dev_t d;
	check(x);	// foo_t
	check(w);	// u32 *
	check(*w);	// u32
	check(b);	// const blk_t
	check(d);	// dev_t
	check(x.field);	// ?
	check(unknown);	// ?
	check(unknown->field);	// ?
	check(unknown + 1);	// int
	check(1 + unknown);	// int
	check(p + unknown);	// struct foo *
	check(unknown(p));	// ?
	check(UNKNOWN_MACRO);	// ?
	check(-unknown);	// ?
	check(!unknown);	// int
	check(&unknown);	// ?
	check(*unknown);	// ?
	check(unknown = 1);	// int
	check(p->a);	// int
}
