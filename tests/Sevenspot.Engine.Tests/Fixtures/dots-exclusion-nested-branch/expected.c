void f(int a, int b) {
	lock(a);
	if (b) {
		unlock(b);
		g();
	}
}

void g(int a, int b) {
	lock(a);
	unlock(b);
	lock(b);
	unlock(a);
}
