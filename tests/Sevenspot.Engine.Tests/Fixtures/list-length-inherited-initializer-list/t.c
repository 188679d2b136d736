struct s {
	int a;
	int b;
	int marker;
	int c;
};

struct s x = { 1, 2, 3, 4 };
struct s y = { 1, 2 , 3 };
struct s z = { 1, 2 };
