int main() {
	foo(b);
	foo(a);
	foo(x);
}
