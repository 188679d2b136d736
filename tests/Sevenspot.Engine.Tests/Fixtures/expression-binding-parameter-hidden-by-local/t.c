void slot_update(unsigned int slot)
{
	lock_slot(slot);
	{
		long slot = 0;
		unlock_slot(slot);
	}
}
