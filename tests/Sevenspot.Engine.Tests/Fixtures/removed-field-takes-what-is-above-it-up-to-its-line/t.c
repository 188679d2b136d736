struct foo {
	int a;
	/* c */

	int old;
	int b;
};
struct foo {

	int old;
	int b;
};
struct foo {
	int a; /* A */
	int old;
	int b;
};
struct foo { int a; int old; int b; };
struct foo {
	int a;
	int old; /* T */
	/* N */
	int b;
};
struct foo {
	int a;
	int old; int b;
};
struct foo {
	int a; int old;
	int b;
};
