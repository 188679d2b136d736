typedef int tdef;
void f(void *p, par_t *q)
{
	u32 x;
	int a = sizeof(u32);
	my_t *y;
	int b = sizeof(my_t);
	int c = sizeof(u32 *);
	int d = (cst_t)a;
	int e = sizeof(bar_t);
	int g = sizeof(par_t);
	int h = sizeof(cst_t);
	int i = sizeof(tdef);
	int j = sizeof(ssize_t);
	int k = sizeof(ptrdiff_t);
	int n = sizeof(loff_t);
	int o = sizeof(gfp_t);
	int q2 = sizeof(wchar_t);
	int r = sizeof(off_t);
	int s = sizeof(uintptr_t);
}
