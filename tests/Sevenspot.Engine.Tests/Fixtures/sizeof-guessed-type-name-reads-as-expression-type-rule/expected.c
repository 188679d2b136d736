void f(void *p)
{
	int b = sizeof(my_t);
	int c = sizeof(xyz);
	int d = sizeof(Foo);
	int e = sizeof_t(struct foo);
	int g = sizeof(p);
	int h = sizeof p;
	int i = sizeof_t(size_t);
	int j = sizeof(uint8_t);
}
