struct s { int a; };
static const int limit = 4;

int f(const int ci, int i, const struct s cs, struct s plain, long l)
{
	put_int(ci);
	put_int(i);
	put_int(limit);
	h(l);
	put_s(&cs);
	put_s(&plain);
	return 0;
}
