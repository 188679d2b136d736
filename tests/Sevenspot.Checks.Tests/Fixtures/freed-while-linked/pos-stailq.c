// SPDX-License-Identifier: BSD-2-Clause
/* A request queued on a BSD tail queue and freed on the error path, still queued. */
#include <sys/queue.h>
#include <linux/slab.h>

struct req {
	STAILQ_ENTRY(req) pending;
	int status;
};

STAILQ_HEAD(req_pending, req);

int req_submit(struct req_pending *q, int status)
{
	struct req *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	STAILQ_INSERT_TAIL(q, r, pending);
	r->status = status;
	if (status < 0) {
		kfree(r);	/* BUG: still on q */
		return status;
	}
	return 0;
}
