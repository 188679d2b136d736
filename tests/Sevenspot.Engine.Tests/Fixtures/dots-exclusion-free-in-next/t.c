void f(int x, int y) {
	foo(y);
	bar(x,1);
	bar(y,2);
	bar(y,1);
}
