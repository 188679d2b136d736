// SPDX-License-Identifier: BSD-2-Clause
/*
 * Singly linked BSD queues: STAILQ_REMOVE and SLIST_REMOVE of an element already removed,
 * on an error path after the removal, and in an iterator's body.
 */
#include <sys/queue.h>
#include <stdlib.h>

struct req {
	STAILQ_ENTRY(req) pending;
	SLIST_ENTRY(req) spare;
	int status;
};

STAILQ_HEAD(req_pending, req);
SLIST_HEAD(req_spare, req);

int req_complete(struct req_pending *q, struct req *r)
{
	STAILQ_REMOVE(q, r, req, pending);
	if (r->status < 0) {
		r->status = 0;
		STAILQ_REMOVE(q, r, req, pending);	/* BUG: already removed */
		return -EIO;
	}
	return 0;
}

void req_trim(struct req_spare *s)
{
	struct req *r, *tmp;

	SLIST_FOREACH_SAFE(r, s, spare, tmp) {
		SLIST_REMOVE(s, r, req, spare);
		if (r->status)
			SLIST_REMOVE(s, r, req, spare);	/* BUG: r is no longer linked */
	}
}
