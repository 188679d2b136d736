int main() {
	foo(bb);
	foo(a);
	foo(ccc);
	foo(zz);
	foo(b);
}
