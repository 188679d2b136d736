void f(int x)
{
	if (x)
		new(x);/* two */   // three
	use(x);
}
