void f(int x)
{
	new(x);/* replaced */
	if (x)
		new(1);/* replaced */
}
