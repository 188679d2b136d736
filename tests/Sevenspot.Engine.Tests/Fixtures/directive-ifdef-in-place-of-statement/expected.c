int f(int x)
{
	a();
	
#ifdef A
	new(x);
#endif
	
	return 0;
}
