void f(void *p)
{
	int b = sizeof_e(my_t);
	int c = sizeof_e(xyz);
	int d = sizeof_e(Foo);
	int e = sizeof(struct foo);
	int g = sizeof_e(p);
	int h = sizeof_e(p);
	int i = sizeof(size_t);
	int j = sizeof_e(uint8_t);
}
