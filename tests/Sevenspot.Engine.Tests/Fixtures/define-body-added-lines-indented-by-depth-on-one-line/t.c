#define TWICE(x) do { foo(x); bar(x); } while (0)
#define BLOCK(x) { foo(x); }

void f(int a)
{
	do { foo(a); } while (0);
}
