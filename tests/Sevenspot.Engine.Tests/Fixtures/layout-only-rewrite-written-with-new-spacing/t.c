int f(void)
{
	foo(a,b);
	foo( a , b );
}
