void slot_update(struct table *t)
{
	lock_slot(slot);
	{
		long slot = t->spare;
		unlock_slot(slot);
	}
}
