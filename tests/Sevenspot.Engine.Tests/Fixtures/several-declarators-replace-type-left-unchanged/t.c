int f() {
	short q, r;
	short s;
	return q + r + s;
}
