void f(int x)
{
	if (x)
		bar(x);
	bar(1);
}
