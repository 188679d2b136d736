int *f(int *p)
{
	return p;
}

static const char **g(void)
{
	return 0;
}

void h(void)
{
}
