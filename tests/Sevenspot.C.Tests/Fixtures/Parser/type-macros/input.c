/* Macros that stand for types. */
struct buf {
	TAILQ_ENTRY(buf) link;
	int len;
};

TAILQ_HEAD(buf_list, buf) free_bufs;

static void recycle(struct buf *b)
{
	TAILQ_HEAD(, buf) local;
	TAILQ_ENTRY(buf) *entry = &b->link;

	TAILQ_INSERT_TAIL(&free_bufs, b, link);
}
