void f(void)
{
	bar(/* first */x, /* second */y);
}
