void f(int i, int j)
{
	++i;
	a();
	twice(&i);
	j++;
	b();
	twice(&j);
}
