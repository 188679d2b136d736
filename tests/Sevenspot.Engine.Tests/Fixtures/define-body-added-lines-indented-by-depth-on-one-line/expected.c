#define TWICE(x) do { foo(x);
	qux(x); bar(x); } while (0)
#define BLOCK(x) { foo(x);
	qux(x); }

void f(int a)
{
	do { foo(a);
		qux(a); } while (0);
}
