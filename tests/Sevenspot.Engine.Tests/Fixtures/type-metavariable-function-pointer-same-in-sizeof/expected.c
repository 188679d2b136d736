void f(void)
{
	g((void (*)(void *))h);
	g((char *)h);
	g((int (*)(int, char))k, 1);
	g(k, sizeof(int (*)(int, char)));
	g((void (*)(void))k, sizeof(int (*)(int, char)));
}
