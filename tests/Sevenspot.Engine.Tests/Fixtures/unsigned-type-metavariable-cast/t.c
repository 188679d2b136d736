int f(int v) {
	return (unsigned char)v + (int)v + (unsigned)v;
}
