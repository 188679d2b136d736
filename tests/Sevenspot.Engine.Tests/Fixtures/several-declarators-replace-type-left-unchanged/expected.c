int f() {
	short q, r;
	long s;
	return q + r + s;
}
