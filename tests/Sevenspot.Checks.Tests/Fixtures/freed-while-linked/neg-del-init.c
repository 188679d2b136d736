// SPDX-License-Identifier: GPL-2.0
/* list_del_init unlinks too. */
#include <linux/list.h>
#include <linux/slab.h>

struct job {
	struct list_head node;
	int state;
};

void job_cancel(struct job *j, struct list_head *queue)
{
	list_add(&j->node, queue);
	j->state = -1;
	list_del_init(&j->node);
	kfree(j);
}
