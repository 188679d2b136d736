void e(struct t *w)
{
	w->p = kmalloc(3);
	w->p->b = 5;
	memset(w->p, 0, 3);
}

void g(struct t *w)
{
	w->q = kmalloc(3);
	w->q[1] = 3;
	memset(w->q, 0, 3);
}
