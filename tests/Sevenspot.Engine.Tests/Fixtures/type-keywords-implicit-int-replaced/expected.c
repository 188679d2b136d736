void f(void)
{
	u32 a;
	u32 b;
	int c;
	long d;
	g((u32)a, (u32)b, (s32)c, (s32)c, (s32)d, (unsigned long)d);
}
