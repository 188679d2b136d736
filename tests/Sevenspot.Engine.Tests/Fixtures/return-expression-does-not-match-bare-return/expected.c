void stop(struct dev *d)
{
	if (!d)
		return;
	d->on = 0;
}

long start(struct dev *d)
{
	if (d->bad) {
		log(d);
		return PTR_ERR(d->res);
	}
	if (!d->res)
		return;
	return 0;
}
