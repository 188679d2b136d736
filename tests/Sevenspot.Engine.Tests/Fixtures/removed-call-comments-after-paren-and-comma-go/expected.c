void f(void)
{
	bar(x, y);
	bar(x, y);
	bar(x, y);
}
