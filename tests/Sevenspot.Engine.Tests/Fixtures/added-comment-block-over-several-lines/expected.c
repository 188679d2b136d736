void f(int x)
{
	if (x)
		old(x);
	use(x);
	/*
  * multi
  */
	done(x);
}
