struct dev;
int dev_reset(struct dev *d, unsigned int flags);
static void queue_kick(int slot);
static long queue_size(struct dev *d);

static void
queue_kick(int slot) {
	trace(slot);
	d->slots[slot] = 1;
	notify(d);
}

static long queue_size(struct dev *d)
{
	return d->size;
}
