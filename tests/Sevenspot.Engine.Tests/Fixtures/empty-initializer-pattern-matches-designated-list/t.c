struct s x = { 1, 2 };
struct s y = { .a = 1, .b = 2 };
struct s z = { };
struct s w = { .a = 1, 2 };

void f(void)
{
	use(&x);
	use(&y);
	use(&z);
	use(&w);
}
