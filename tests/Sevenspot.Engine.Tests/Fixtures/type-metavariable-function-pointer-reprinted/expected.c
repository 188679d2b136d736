void f(void)
{
	g((void(*)(void *))wrap(h));
	g((char *)wrap(h));
	g((int(*)(int, char))wrap(k), 1);
	g((int(*)(int, char))wrap(k), sizeof(int (*)(int, char)));
	g((void(*)(void))wrap(k), sizeof(int (*)(int, char)));
}
