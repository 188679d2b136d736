struct foo {
	int a;

	int old;
};
