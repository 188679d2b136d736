void slot_update(struct table *t)
{
	unsigned int slot = t->first;
	if (t->busy) {
		long slot = t->spare;
		unlock_slot(slot);
	}
}
