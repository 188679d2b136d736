int open_one(int id)
{
	struct handle *h;
	h = grab_handle(id);
	if (!h)
		return -1;
	use_handle(h);
	drop_ref(h->ref);
	return 0;
}

int open_two(int id)
{
	struct handle *h;
	h = grab_handle(id);
	if (!h)
		return -1;
	use_handle(h);
	return 0;
}
