struct foo {
	int a;

	int b;
};

struct foo2 {
	int a;
};
