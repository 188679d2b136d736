// Enumeration constants are int; enum variables have the enum type.
enum color { RED, GREEN = 3, BLUE = GREEN + 1 };
enum { ANON_A, ANON_B };
typedef enum mode { MODE_X } mode_t2;

void f(enum color c, mode_t2 m)
{
	check(RED);	// int
	check(BLUE);	// int
	check(ANON_B);	// int
	check(MODE_X);	// int
	check(c);	// enum color
	check(m);	// mode_t2
	check(c + 1);	// enum color
	check(RED + 1);	// int
	{
		int RED = 2;
		long GREEN;
		check(RED);	// int
		check(GREEN);	// long
	}
	enum inner { IN_A = 5 } e;
	check(IN_A);	// int
	check(e);	// enum inner
}

void g(void)
{
	check(IN_A);	// ?
}
