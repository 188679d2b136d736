int j = sizeof(int);
void f(void)
{
	int i = sizeof(int);
	g(sizeof(int), sizeof(int));
	k = sizeof(int) + 1;
	h(1, sizeof(int));
}
