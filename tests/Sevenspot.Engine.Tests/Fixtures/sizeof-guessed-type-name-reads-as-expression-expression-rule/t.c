void f(void *p)
{
	int b = sizeof(my_t);
	int c = sizeof(xyz);
	int d = sizeof(Foo);
	int e = sizeof(struct foo);
	int g = sizeof(p);
	int h = sizeof p;
	int i = sizeof(size_t);
	int j = sizeof(uint8_t);
}
