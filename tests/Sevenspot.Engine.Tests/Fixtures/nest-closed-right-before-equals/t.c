void a(void)
{
	p = kmalloc(10);
	q->a = 1;
	memset(p, 0, 10);
}

void b(void)
{
	r = kmalloc(4);
	r->a = 4;
	memset(r, 0, 4);
}

void c(void)
{
	s = kmalloc(8);
	use(s);
	memset(s, 0, 8);
}

void d(void)
{
	u = kmalloc(2);
	u = 2;
	memset(u, 0, 2);
}
