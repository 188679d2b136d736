struct foo {
	int a;

	int old;
	int b;
};
