int f() {
	char a,b,c;
	char d;
	short q, r;
	return 0;
}
