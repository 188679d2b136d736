/* These names mean something only because macros.h says so. */
static int __hot_path sum(struct node *n)
{
	int total = 0;

	MY_DECLARE(cursor);
	walk_nodes(n) *slot(n) = 0;
	total += sizeof(node_handle);
	print(MY_TAG "done");
	return total;
}
