// SPDX-License-Identifier: GPL-2.0
/* list_move keeps the element linked (on another list). */
#include <linux/list.h>
#include <linux/slab.h>

struct job {
	struct list_head node;
	int state;
};

void job_retire(struct job *j, struct list_head *done)
{
	list_move(&j->node, done);
	j->state = 0;
	kfree(j);				/* BUG: on done */
}
