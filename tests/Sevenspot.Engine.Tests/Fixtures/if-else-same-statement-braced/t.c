void f(int x)
{
	while (x) {
		if (g(x)) {
			a();
			break;
		} else {
			b();
		}
		if (h(x)) {
			c(x);
		} else {
			c(x);
		}
	}
}
