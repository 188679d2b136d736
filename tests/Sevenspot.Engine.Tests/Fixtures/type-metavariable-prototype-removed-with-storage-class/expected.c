void before(void) { }
static long a;
extern int b[3];
void f(void)
{
	static long c;
	register int d;
}
