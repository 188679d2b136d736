#define __s MACROANNOTATION

struct abcd {
	int a;
} __s;

struct defg {
	int a;
} __attribute__((packed));

struct hijk {
	int a;
};
