typedef struct signature {
	const char *sig;
	unsigned long ofs;
	unsigned len;
} Signature;

static const Signature signatures[] = {
	{"SSTBIOS", 0x0000d, 7}
};
static const int sizes[] = { 1, 2 };
#define NUM_SIGNATURES ARRAY_SIZE(signatures)
#define NUM_SIZES ARRAY_SIZE(sizes)
#define NUM_LEN (sizeof(signatures)/sizeof(len))
