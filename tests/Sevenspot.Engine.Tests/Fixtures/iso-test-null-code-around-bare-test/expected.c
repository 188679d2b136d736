int *last = NULL;

void f(int *se, int a)
{
	if (BAD(se))
		g(se);
}

void h(int *se, int a)
{
	if (BAD(a && se))
		g(se);
}

void k(int *se, int a)
{
	while (se)
		g(se);
}
