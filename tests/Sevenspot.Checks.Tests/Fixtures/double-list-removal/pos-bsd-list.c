// SPDX-License-Identifier: GPL-2.0
/* BSD lists: LIST_REMOVE twice. */
#include <sys/queue.h>

struct sess {
	LIST_ENTRY(sess) entries;
	int id;
};

void sess_close(struct sess *s)
{
	LIST_REMOVE(s, entries);
	if (s->id > 0)
		sess_log(s);
	LIST_REMOVE(s, entries);	/* BUG */
}
