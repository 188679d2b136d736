int sig(void);
unsigned int usig(void);
int f(void)
{
	unsigned int v, w;

	v = checked(sig());
	if (v <= 0)
		return 1;
	w = usig();
	if (w <= 0)
		return 2;
	return 0;
}
