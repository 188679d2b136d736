void f(int x)
{
	if (x) {
		bar(x);
		baz(x);
	}
	else {
		bar(x + 1);
		baz(x + 1);
	}
	g();
}
