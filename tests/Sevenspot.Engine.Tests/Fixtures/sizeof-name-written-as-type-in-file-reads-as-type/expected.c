void f1(void)
{
	int a = sizeof_t(u32);
	u32 x;
	int b = sizeof_t(u32);
}
void f2(void)
{
	int c = sizeof_t(u32);
	int d = sizeof_t(v32);
}
void f3(v32 *p)
{
	int e = sizeof_t(v32);
}
void f4(void)
{
	int g = sizeof_t(v32);
}
