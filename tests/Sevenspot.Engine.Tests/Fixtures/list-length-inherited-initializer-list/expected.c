struct s {
	int a;
	int b;
	int marker;
	int c;
};

struct s x = { 1, 2, 0, 4 };
struct s y = { 1, 2 , 0,
};
struct s z = { 1, 2 };
