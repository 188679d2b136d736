void f(int x, int y, int z)
{
	bar(x);
	foo(__predict_false(y));
	foo(z);
	foo(__predict_false(x) + 1);
}
