int main() {
	bar(a);
	bar(b);
	bar(c);
	foo(a);
	foo(b);
	foo(c);
}
