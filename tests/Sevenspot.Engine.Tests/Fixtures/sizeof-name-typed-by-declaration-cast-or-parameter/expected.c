typedef int tdef;
void f(void *p, par_t *q)
{
	u32 x;
	int a = sizeof_t(u32);
	my_t *y;
	int b = sizeof_t(my_t);
	int c = sizeof_t(u32 *);
	int d = (cst_t)a;
	int e = sizeof(bar_t);
	int g = sizeof_t(par_t);
	int h = sizeof_t(cst_t);
	int i = sizeof_t(tdef);
	int j = sizeof_t(ssize_t);
	int k = sizeof_t(ptrdiff_t);
	int n = sizeof(loff_t);
	int o = sizeof(gfp_t);
	int q2 = sizeof(wchar_t);
	int r = sizeof(off_t);
	int s = sizeof(uintptr_t);
}
