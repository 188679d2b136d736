void f1(void)
{
	int a = sizeof(u32);
	u32 x;
	int b = sizeof(u32);
}
void f2(void)
{
	int c = sizeof(u32);
	int d = sizeof(v32);
}
void f3(v32 *p)
{
	int e = sizeof(v32);
}
void f4(void)
{
	int g = sizeof(v32);
}
