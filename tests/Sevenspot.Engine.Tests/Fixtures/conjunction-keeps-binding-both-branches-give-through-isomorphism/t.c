int f(int x) {
	if (x != 0) return;
	return 0;
}
