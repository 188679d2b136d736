int f(int v) {
	return (char)v + (int)v + (unsigned)v;
}
