void f(void)
{
	foo(a->b + c[(d)]);
	baz(a->b + c[(d)]);
	baz(a);
	bar(b);
	baz(a->b);
	baz(c);
	baz(d);
	baz((d));
	baz(c[(d)]);
	bar(c[d]);
	baz(a->b + c[(d)]);
	bar(e);
}
