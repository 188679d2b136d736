int open_dev(struct dev *d)
{
	return open_dev_count(d) + 1;
}

void close_dev(struct dev *d)
{
	if (close_dev_users(d))
		close_dev_users(d)--;
}
