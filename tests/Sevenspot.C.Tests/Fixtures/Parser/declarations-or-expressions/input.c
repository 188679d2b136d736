/* At the start of a statement: a declaration or an expression? */
void decide(int x, int y)
{
	widget_t w;
	u32 const mask = 0xff;
	struct widget *p = NULL;
	foo_handle *h;
	int *q, r = 2;
	enum state s = IDLE;

	x = y;
	x * y;
	*q = 1;
	p->count++;
	q[0] = x;
	widget_sync(p);
	(void)r;
	goto out;
out:
	return;
}
