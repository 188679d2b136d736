void f(int x)
{
	while (x) {
		if (g(x)) {
			a();
			break;
		} else {
			b();
		}
		{
			c(x);
		}
	}
}
