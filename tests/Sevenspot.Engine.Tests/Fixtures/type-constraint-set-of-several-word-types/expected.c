void f() {
	unsigned long y;
	unsigned int b;
	bool *y;
	bool d;
	struct s y;
	struct t g;
	long h;
}
