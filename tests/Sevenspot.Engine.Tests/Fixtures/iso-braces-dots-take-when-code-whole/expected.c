void f(int *p, int *q, int *r, int *s)
{
	if (p == NULL)
		h(p);
	if (!q)
		h(q);
	if (r == NULL) {
		a();
		h(r);
	}
	if (s == NULL) {
		if (a())
			b();
		else
			c();
		g(s);
	}
}
