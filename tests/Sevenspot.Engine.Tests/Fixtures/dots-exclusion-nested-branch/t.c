void f(int a, int b) {
	lock(a);
	if (b) {
		unlock(b);
		g();
	}
	unlock(a);
}

void g(int a, int b) {
	lock(a);
	unlock(b);
	unlock(a);
	lock(b);
	unlock(a);
	unlock(b);
}
