#define U32 unsigned long
#define I16 int
#define PTR char *

void f(void)
{
	U32 a, b, c;
	I16 d, e;
	PTR g, h;
	c = a + b;
	d = e * 2;
	g = h * 2;
}

#undef I16
#define I16 short

void g(void)
{
	I16 d, e;
	d = e * 2;
}
