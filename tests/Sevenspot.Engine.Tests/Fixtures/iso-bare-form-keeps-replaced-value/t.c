int main(int *p, int *q, int y)
{
	f(y);
	f((y));
	if (p)
		a();
	if (q != NULL)
		c();
	return 0;
}
