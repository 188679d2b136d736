struct item { int count; int size; };

int f(struct item *p, struct item *q, struct item list[], int i)
{
	p->count = 1;
	q[0].count = 2;
	list[i + 1].count = 3;
	(*p).count = 4;
	q[1].size = 5;
	unknown[2].count = 6;
	return p[1].count;
}
