int run(struct file_ops *fo, struct dir_ops *dops)
{
	int err = fo->open(1, 2);

	dops->release();
	fo->flush();
	return fo->open == 0 ? err : 0;
}
