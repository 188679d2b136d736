int *f(int *p)
{
	setup();
	return p;
}

static const char **g(void)
{
	setup();
	return 0;
}

void h(void)
{
	setup();
}
