// Literals, unary and binary operators, casts, sizeof, assignments, conditionals, commas,
// compound literals: spatch's rules, quirks included.
typedef unsigned int u32;
struct foo { int a; };

void f(int n, unsigned long ul, u32 w, short sh, long long ll, char c, double d, float fl, struct foo *p, struct foo s, void *v)
{
	check(1);	// int
	check(1u);	// unsigned int
	check(1U);	// unsigned int
	check(1l);	// long
	check(1UL);	// unsigned long
	check(1lu);	// unsigned long
	check(1LL);	// long long
	check(1ull);	// unsigned long long
	check(0x80000000);	// int
	check(0xffUL);	// unsigned long
	check(1.0);	// double
	check(1.0f);	// float
	check(1.0L);	// long double
	check(1e3);	// double
	check('c');	// char
	check(-n);	// int
	check(-ll);	// long long
	check(+ul);	// unsigned long
	check(~ul);	// unsigned long
	check(!p);	// int
	check(!ul);	// int
	check(n++);	// int
	check(--ll);	// long long
	check(*p);	// struct foo
	check(&s);	// struct foo *
	check(&n);	// int *
	check(*v);	// void
	check(n + ul);	// unsigned long
	check(sh + sh);	// int
	check(c * c);	// int
	check(n + ll);	// long long
	check(n * d);	// double
	check(fl + ll);	// float
	check(w + 1);	// u32
	check(1 + w);	// int
	check(n << ul);	// unsigned long
	check(p + 1);	// struct foo *
	check(1 + p);	// struct foo *
	check(p - 1);	// struct foo *
	check(p - p);	// ptrdiff_t
	check(p + w);	// struct foo *
	check(n == ul);	// int
	check(p != 0);	// int
	check(n < d);	// int
	check(p && n);	// int
	check(n || d);	// int
	check(n = ul);	// int
	check(ul += n);	// unsigned long
	check(n ? p : 0);	// int
	check(n ? 0 : p);	// struct foo *
	check(n ?: ll);	// long long
	check((n, p));	// struct foo *
	check((long)n);	// long
	check((u32)ul);	// u32
	check((const char *)p);	// const char *
	check((struct foo *)v);	// struct foo *
	check((void)n);	// void
	check(sizeof(int));	// size_t
	check(sizeof n);	// size_t
	check(sizeof(struct foo) * 2);	// size_t
	check(_Alignof(long));	// ?
	check((struct foo){ .a = 1 });	// struct foo
	check((int []){ 1, 2 });	// int []
	check((n));	// int
	check(NULL);	// void *
}
