// SPDX-License-Identifier: GPL-2.0
/* A request queued for a worker thread, which unlinks it before completing it. */
#include <linux/list.h>
#include <linux/completion.h>
#include <linux/slab.h>

struct create_req {
	struct list_head list;
	struct completion *done;
	int result;
};

static LIST_HEAD(create_list);

int create_and_wait(void)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct create_req *req = kmalloc(sizeof(*req), GFP_KERNEL);
	int result;

	if (!req)
		return -ENOMEM;
	req->done = &done;
	list_add_tail(&req->list, &create_list);
	wake_up_process(creator_task);
	wait_for_completion(&done);	/* the creator took it off the list */
	result = req->result;
	kfree(req);
	return result;
}
