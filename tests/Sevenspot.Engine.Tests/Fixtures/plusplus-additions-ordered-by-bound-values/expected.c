struct pair {
	long alpha_w;
	long beta_w;
	long mid_w;
	long omega_w;
	int mid;
	int beta;
	char skip;
	int omega;
	int alpha;
};

void f(int zeta, int alpha, int b)
{
	note(alpha);
	note(zeta);
	note(10);
	note(5);
	note(b + 1);
	check(zeta);
	check(5);
	check(alpha);
	check(b + 1);
	check(10);
}
