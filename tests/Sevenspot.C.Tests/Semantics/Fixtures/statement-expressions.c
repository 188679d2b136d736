// spatch leaves statement expressions untyped, but their declarations are scoped like blocks.
void f(int n)
{
	check(({ n; }));	// ?
	check(({ long n = 1; n; }));	// ?
	check(n);	// int
}
