int main() {
	bar(zz);
	bar(ccc);
	bar(bb);
	bar(b);
	bar(a);
	foo(bb);
	foo(a);
	foo(ccc);
	foo(zz);
	foo(b);
}
