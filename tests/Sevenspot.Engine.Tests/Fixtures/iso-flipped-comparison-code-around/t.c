int *last = NULL;

void f(int *se, int a)
{
	if (!se)
		g(se);
	if (se == NULL)
		g(a);
	if (NULL == se)
		g(a);
}

void h(int *se, int a)
{
	if (a && !se)
		g(se);
}

void k(int *se, int a, int b)
{
	if (a == b)
		g(se);
	if (b != 0)
		g(se);
	if (b)
		g(se);
	if (a > b)
		g(se);
	if (b < a)
		g(se);
}
