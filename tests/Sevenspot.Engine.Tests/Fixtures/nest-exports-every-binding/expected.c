int one() {
	f(1);
	if (x)
		f(2);
	else {
		f(a + b);
		f(1);
	}
}

int two() {
	h(1);
	h(2);
	g(3);
	h(a + b);
	g(a);
}
