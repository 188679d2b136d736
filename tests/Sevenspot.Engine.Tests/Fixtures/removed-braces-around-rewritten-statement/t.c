static int *shuffle(int *v, int count)
{
	int n, r, tmp;

	for (n = count - 1; n > 1; n--) {
		r = pick(n + 1);
		if (r != n) {
			tmp = v[n];
			v[n] = v[r];
			v[r] = tmp;
		}
	}
	for (n = 0; n < count; n += 2) {
		tmp = v[n];
		v[n] = v[n + 1];
		v[n + 1] = tmp;
	}
	return v;
}
