struct pair {
	int mid;
	int beta;
	char skip;
	int omega;
	int alpha;
};

void f(int zeta, int alpha, int b)
{
	check(zeta);
	check(5);
	check(alpha);
	check(b + 1);
	check(10);
}
