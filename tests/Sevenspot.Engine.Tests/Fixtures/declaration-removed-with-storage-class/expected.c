void before(void) { }
extern int b[3];
void f(void)
{
	register int d;
}
static int g(void);
