void f(int x, int y) {
	foo(y);
	bar(x,1);
}
