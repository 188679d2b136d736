struct s x = {
	.a = { 1, 2 },
	.b = 3,
};
static int arr[] = { 1, 2, 3 };
