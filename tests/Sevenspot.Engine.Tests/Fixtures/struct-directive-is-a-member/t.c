struct define_after_last {
	int n;
	int list[0];
#define A_BIT 1
};

struct last {
	int n;
	int list[0];
};

struct define_between {
	int n;
#define C_BIT 1
	int list[0];
};

struct ifdef_after_last {
	int n;
	int list[0];
#ifdef X
#endif
};

struct comment_after_last {
	int n;
	int list[0];
	/* comment */
};

struct define_before_first {
#define F_BIT 1
	int n;
	int list[0];
};

int x1[] = { 1, 2, 3,
#define Y 1
};
