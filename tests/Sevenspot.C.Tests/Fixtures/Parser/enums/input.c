/* Enumerations. */
enum widget_state {
	IDLE,
	RUNNING = 2,
	STOPPED,
	NR_STATES,
};

enum { FLAG_A = 1 << 0, FLAG_B = 1 << 1 } flags;

typedef enum {
	LOW,
	HIGH
} level_t;

static enum widget_state state = IDLE;
