int main(int *p, int *q, int y)
{
	f(g(y));
	f((g(y)));
	if (g(p))
		a();
	if (g(q != NULL))
		c();
	return 0;
}
