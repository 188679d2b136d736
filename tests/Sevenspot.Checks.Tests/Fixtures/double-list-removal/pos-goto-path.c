// SPDX-License-Identifier: GPL-2.0
/* The error label removes the element again on the path that already removed it. */
#include <linux/list.h>

struct req {
	struct list_head node;
	int status;
};

int req_finish(struct req *r)
{
	int err;

	list_del(&r->node);
	err = req_complete(r);
	if (err)
		goto out;
	r->status = 0;
	return 0;
out:
	list_del(&r->node);		/* BUG */
	return err;
}
