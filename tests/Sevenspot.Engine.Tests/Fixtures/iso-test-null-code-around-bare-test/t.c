int *last = NULL;

void f(int *se, int a)
{
	if (se)
		g(se);
}

void h(int *se, int a)
{
	if (a && se)
		g(se);
}

void k(int *se, int a)
{
	while (se)
		g(se);
}
