struct item { int v; };
struct box { void *data; };
void *make_thing(int size, int flags);

void *get(struct box *b)
{
	return b->data;
}

void setup(void)
{
	struct item *it;
	struct box *b;

	b = make_thing(sizeof(*it), 0);
	b = make_thing(sizeof(*it) + 4, sizeof(*it));
}
