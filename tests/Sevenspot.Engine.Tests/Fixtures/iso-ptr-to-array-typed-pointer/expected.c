struct item { int count; int size; };
struct other { int count; };

int f(struct item *p, struct item *q, struct item list[], struct other *o, int i)
{
	int n = p->fld_v2;

	q[i].fld_v2 = n;
	list[i].count = n;
	o[0].count = n;
	return q->fld_v2 + o->count;
}
