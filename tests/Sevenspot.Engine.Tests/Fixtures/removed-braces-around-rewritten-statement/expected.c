static int *shuffle(int *v, int count)
{
	int n, r, tmp;

	for (n = count - 1; n > 1; n--) {
		r = pick(n + 1);
		if (r != n)
			
			exchange(v[n], v[r]);
	}
	for (n = 0; n < count; n += 2)
		
		exchange(v[n], v[n + 1]);
	return v;
}
