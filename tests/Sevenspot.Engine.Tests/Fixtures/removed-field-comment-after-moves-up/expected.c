struct foo {
	int a; /* deprecated */

	int b;
};
