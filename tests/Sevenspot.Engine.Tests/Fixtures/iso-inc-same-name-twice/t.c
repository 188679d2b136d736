void f(int i, int j)
{
	++i;
	a();
	i += 1;
	j++;
	b();
	j = j + 1;
}
