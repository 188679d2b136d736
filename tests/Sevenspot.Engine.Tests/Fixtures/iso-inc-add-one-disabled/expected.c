void f(int i, int j, int k, int l)
{
	i++;
	++j;
	inc(&k);
	l = l + 1;
}
