struct define_after_last {
	int first_f;
	int list[0];
#define A_BIT 1
};

struct last {
	int first_f;
	int list[];
};

struct define_between {
	int first_f;
#define C_BIT 1
	int list[];
};

struct ifdef_after_last {
	int first_f;
	int list[0];
#ifdef X
#endif
};

struct comment_after_last {
	int first_f;
	int list[];
	/* comment */
};

struct define_before_first {
#define F_BIT 1
	int n;
	int list[];
};

int x1[] = { 1, 2, 3,
#define Y 1
};
