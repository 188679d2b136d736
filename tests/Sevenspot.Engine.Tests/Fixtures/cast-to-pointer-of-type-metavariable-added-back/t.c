void pass(void *v, int **pp, char *s)
{
	take((char **)v, 1);
	take(2, (int **)pp);
	take(pp, 3);
	take((char *)s, (void **)v);
	give(s, (long)v);
}
