void f(void)
{
	g((void (*)(void *))h);
	g((int)h);
	g((char *)h);
	g((int (*)(int, char))k);
}
