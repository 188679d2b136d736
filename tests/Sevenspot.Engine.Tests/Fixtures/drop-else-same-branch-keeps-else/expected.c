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
	return err;
}
