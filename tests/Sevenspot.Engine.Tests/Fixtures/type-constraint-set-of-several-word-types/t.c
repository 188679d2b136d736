void f() {
	unsigned long a;
	unsigned int b;
	bool *c;
	bool d;
	struct s e;
	struct t g;
	long h;
}
