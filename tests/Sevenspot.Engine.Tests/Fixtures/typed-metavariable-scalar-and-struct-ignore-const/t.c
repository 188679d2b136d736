struct s { int a; };
static const int limit = 4;

int f(const int ci, int i, const struct s cs, struct s plain, long l)
{
	h(ci);
	h(i);
	h(limit);
	h(l);
	k(cs);
	k(plain);
	return 0;
}
