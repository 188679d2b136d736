int f() {
	char a,b,c;
	char y;
	short q, r;
	return 0;
}
