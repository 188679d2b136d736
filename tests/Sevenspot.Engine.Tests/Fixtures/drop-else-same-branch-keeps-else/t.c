int g(int);

int f(int a, int *fw)
{
	int err = 0;

	if (!a)
		return 0;
	if (!fw)
		err = g(a);
	if (a > 2)
		a--;
	else
		a++;
	if (a)
		g(1);
	else
		g(1);
	return err;
}
