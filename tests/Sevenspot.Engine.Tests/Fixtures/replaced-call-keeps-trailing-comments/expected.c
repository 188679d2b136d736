void g(int x)
{
	bar(x); /* keep this */
	bar(x + 1); // line comment
	baz();
}
