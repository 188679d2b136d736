void e(struct t *w)
{
	w->p = kzalloc(3);
	w->p->b = 5;
}

void g(struct t *w)
{
	w->q = kmalloc(3);
	w->q[1] = 3;
	memset(w->q, 0, 3);
}
