void f(void)
{
	foo(a->b + c[(d)]);
	bar(a->b + c[(d)]);
	bar(a);
	bar(b);
	bar(a->b);
	bar(c);
	bar(d);
	bar((d));
	bar(c[(d)]);
	bar(c[d]);
	bar(a->b+c[(d)]);
	bar(e);
}
