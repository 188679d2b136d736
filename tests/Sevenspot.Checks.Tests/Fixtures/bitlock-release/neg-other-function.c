// SPDX-License-Identifier: GPL-2.0
/* A pending bit set in one function and cleared by the worker: per function, no lock pattern. */
#include <linux/workqueue.h>

#define WORK_PENDING	0

struct job {
	unsigned long flags;
	struct work_struct work;
};

static void job_queue(struct job *j)
{
	if (!test_and_set_bit(WORK_PENDING, &j->flags))
		schedule_work(&j->work);
}

static void job_fn(struct work_struct *w)
{
	struct job *j = container_of(w, struct job, work);

	clear_bit(WORK_PENDING, &j->flags);
	job_run(j);
}
