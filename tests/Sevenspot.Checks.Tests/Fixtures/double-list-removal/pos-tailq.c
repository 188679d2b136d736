// SPDX-License-Identifier: GPL-2.0
/* BSD tail queues: TAILQ_REMOVE twice. */
#include <sys/queue.h>

struct buf {
	TAILQ_ENTRY(buf) link;
	int len;
};

TAILQ_HEAD(buflist, buf);

void buf_drop(struct buflist *free_list, struct buf *b)
{
	TAILQ_REMOVE(free_list, b, link);
	b->len = 0;
	TAILQ_REMOVE(free_list, b, link);	/* BUG */
}
