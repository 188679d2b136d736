typedef struct quirk {
	const char *vendor;
	unsigned long mask;
	unsigned flags;
} Quirk;

static const Quirk quirks[] = {
	{"ACME", 0x00ff0, 3}
};
static const long limits[] = { 8, 16 };
#define NUM_QUIRKS (sizeof(quirks)/sizeof(Quirk))
#define NUM_LIMITS (sizeof(limits)/sizeof(long))
#define NUM_FLAGS (sizeof(quirks)/sizeof(flags))
