struct main {
	char a,b,c;
	int d;
};
int f() {
	short q, r;
	return 0;
}
