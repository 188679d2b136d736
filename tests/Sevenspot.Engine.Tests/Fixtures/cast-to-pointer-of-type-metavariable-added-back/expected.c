void pass(void *v, int **pp, char *s)
{
	take((char **)cast_check(v), 1);
	take(2, (int **)cast_check(pp));
	take(pp, 3);
	take((char *)s, (void **)cast_check(v));
	give(s, (long)v);
}
