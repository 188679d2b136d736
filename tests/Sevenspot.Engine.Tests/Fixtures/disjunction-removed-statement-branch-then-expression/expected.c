void f(int x)
{
	bar(x);
}
