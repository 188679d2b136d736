struct foo {
	int a;
	/* the old one */
	int old; /* deprecated */

	int b;
};
