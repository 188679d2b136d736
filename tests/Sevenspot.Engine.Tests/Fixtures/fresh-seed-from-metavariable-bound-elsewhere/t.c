int open_dev(struct dev *d)
{
	return d->count + 1;
}

void close_dev(struct dev *d)
{
	if (d->users)
		d->users--;
}
