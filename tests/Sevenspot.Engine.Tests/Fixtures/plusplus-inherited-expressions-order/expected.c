int main() {
	bar(x);
	bar(b);
	bar(a);
	foo(b);
	foo(a);
	foo(x);
}
