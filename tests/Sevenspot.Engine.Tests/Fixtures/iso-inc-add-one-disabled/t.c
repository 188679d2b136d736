void f(int i, int j, int k, int l)
{
	i++;
	++j;
	k += 1;
	l = l + 1;
}
