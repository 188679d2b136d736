static int ring_init(struct ring *r)
{
	struct ring_desc *desc = kvzalloc(r->count * 16, GFP_KERNEL);
	return desc ? 0 : -ENOMEM;
}
