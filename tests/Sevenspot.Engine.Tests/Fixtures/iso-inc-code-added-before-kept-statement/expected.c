void f(int i, int j, int k, int l)
{
	before(i);
	i++;
	before(j);
	++j;
	before(k);
	k += 1;
	before(l);
	l = l + 1;
}
