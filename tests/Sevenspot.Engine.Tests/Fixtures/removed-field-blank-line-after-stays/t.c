struct foo {
	int a;
	int old;

	int b;
};

struct foo2 {
	int a;
};
