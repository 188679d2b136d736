static long f2(struct dev *d, long v)
{
	if (d->n) {
		use(v);
	}else
	{
		bar(d->n);
	}
	return v;
}
