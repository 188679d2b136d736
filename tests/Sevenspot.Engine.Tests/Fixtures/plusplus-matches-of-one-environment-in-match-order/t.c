int main() {
	foo(a);
	foo(b);
	foo(c);
}
