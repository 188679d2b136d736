struct s x = {
	.a = M(a),
	.b = 3,
};
static int arr[] = { 1, 2, 3 };
