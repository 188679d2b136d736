void g(int x)
{
	foo(x); /* keep this */
	foo(x + 1); // line comment
	baz();
}
