int run(struct file_ops *fo, struct dir_ops *dops)
{
	int err = call_op(fo, open);

	call_op(dops, release);
	fo->flush();
	return fo->open == 0 ? err : 0;
}
