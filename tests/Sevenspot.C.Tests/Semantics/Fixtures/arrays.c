// Arrays and pointers as spatch types them: arrays keep their array type, no decay.
struct foo { int a; };

void f(struct foo arr[3], char *s, int m[2][3])
{
	int a[4];
	char buf[sizeof(struct foo)];
	struct foo foos[2];
	check(a);	// int [4]
	check(buf);	// char [sizeof(struct foo)]
	check(arr);	// struct foo [3]
	check(m);	// int [2][3]
	check(m[1]);	// int [3]
	check(m[1][2]);	// int
	check(a[1]);	// int
	check(*a);	// int
	check(&a);	// int (*)[4]
	check(&a[0]);	// int *
	check(a + 1);	// int [4]
	check(1 + a);	// int
	check(a - a);	// ptrdiff_t
	check(s - a);	// ptrdiff_t
	check(s + 1);	// char *
	check(*s);	// char
	check(s[0]);	// char
	check(foos[1].a);	// int
	check(foos->a);	// ?
	check(arr[0].a);	// int
	check("abc");	// char []
	check("abc" "def");	// char []
	check("abc"[0]);	// char
}
