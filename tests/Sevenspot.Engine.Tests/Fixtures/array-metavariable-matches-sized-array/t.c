int a[] = {1,2};
int b[4];
void f(void)
{
	int c[4];
	int d[] = {1};
	g(sizeof(a), sizeof(b), sizeof(c), sizeof(d));
}
