void slot_update(struct table *t)
{
	unsigned int slot = t->first;
	lock_slot(slot);
	if (t->busy) {
		long slot = t->spare;
		unlock_slot(slot);
	}
	unlock_slot(slot);
}
