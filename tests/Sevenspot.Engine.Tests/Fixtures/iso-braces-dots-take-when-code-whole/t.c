void f(int *p, int *q, int *r, int *s)
{
	if (p == NULL)
		g(p);
	if (!q)
		g(q);
	if (r == NULL) {
		a();
		g(r);
	}
	if (s == NULL) {
		if (a())
			b();
		else
			c();
		g(s);
	}
}
