void f(void)
{
	bar(/* only */1, x/* after a */, y);
}
