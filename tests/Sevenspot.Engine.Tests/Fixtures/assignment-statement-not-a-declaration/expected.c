static int ring_init(struct ring *r)
{
	struct ring_desc *desc = kvmalloc(r->count * 16, GFP_KERNEL);
	memset(desc, 0, r->count * 16);
	return desc ? 0 : -ENOMEM;
}
