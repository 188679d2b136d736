void drop(char *p, char *q)
{
	if (p != NULL) {
		kfree(p);
	}
	if (q != NULL)
		kfree(p);
}
