struct s {
	int field;
};
int g;
int f(void)
{
	int x;
	return 0;
}
