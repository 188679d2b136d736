int f(int x) {
  g();
}
int g(void) {
	g();
}
int h(int a) {
  g();
}
