struct foo {
	int a;
	int b;
};
struct foo {
	int b;
};
struct foo {
	int a; /* A */
	int b;
};
struct foo { int a;  int b; };
struct foo {
	int a; /* T */
	/* N */
	int b;
};
struct foo {
	int a;
	 int b;
};
struct foo {
	int a;
	int b;
};
