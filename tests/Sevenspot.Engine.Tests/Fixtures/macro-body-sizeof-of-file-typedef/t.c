typedef struct signature {
	const char *sig;
	unsigned long ofs;
	unsigned len;
} Signature;

static const Signature signatures[] = {
	{"SSTBIOS", 0x0000d, 7}
};
static const int sizes[] = { 1, 2 };
#define NUM_SIGNATURES (sizeof(signatures)/sizeof(Signature))
#define NUM_SIZES (sizeof(sizes)/sizeof(int))
#define NUM_LEN (sizeof(signatures)/sizeof(len))
