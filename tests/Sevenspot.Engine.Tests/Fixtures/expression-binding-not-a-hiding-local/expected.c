void slot_update(struct table *t)
{
	unsigned int slot = t->first;
	lock_slot(slot);
	{
		long slot = t->spare;
		unlock_slot(slot);
	}
}
