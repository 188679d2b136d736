struct main {
	char a,b,c;
	int d;
};
int f() {
	char a,b,c;
	short q, r;
	return 0;
}
