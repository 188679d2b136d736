struct item { int count; int size; };

int f(struct item *p, struct item *q, struct item list[], int i)
{
	set_count(p, 1);
	set_count(q, 2);
	set_count(list, 3);
	(*p).count = 4;
	q[1].size = 5;
	set_count(unknown, 6);
	return p[1].count;
}
