struct ops { int (*handler)(int); int (*other)(int); };

static int on_event(int x) { return x; }
static int on_timer(int x) { return x; }

void setup(struct ops *table, struct ops *spare)
{
	table->handler = on_event;
	spare->other = on_timer;
}

int run(void)
{
	return on_event(1) + on_timer(2);
}
