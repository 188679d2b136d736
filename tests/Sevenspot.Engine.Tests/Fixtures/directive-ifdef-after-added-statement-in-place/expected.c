int f(int x)
{
	a();
	new(x);
#ifdef A
	more(x);
#endif
	
	return 0;
}
