int *f(int *p)
{
	return p;
}

static char **g(void) { return 0; }

int k;
