void slot_update(struct table *t)
{
	unsigned int slot = t->first;
	{
		long slot = t->spare;
	}
}
