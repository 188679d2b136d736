typedef unsigned int u32;
struct s { int v; };

void g(void)
{
	u32 *a[4];
	char b[8];
	u32 *p;
	struct s *q[2];
	int (*r)[4];

	memset(a, 0, sizeof(a));
	f((void *)b, sizeof(b));
	memset(p, 0, sizeof(p));
	memset(q, 0, sizeof(q));
	memset(r, 0, sizeof(r));
}

void h(int i)
{
	char buffer[4 + (BITS / 8) * 2];
	int *(*pp)[3];

	snprintf(buffer, sizeof(buffer), (i == 0) ? ">%px: " : " %px: ", row);
	memset(pp, 0, sizeof(pp));
}
