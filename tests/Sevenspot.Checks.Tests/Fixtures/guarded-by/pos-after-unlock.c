// SPDX-License-Identifier: GPL-2.0
/* The pending count is updated after the lock was dropped on the error path. */
#include <linux/mutex.h>

struct job_queue {
	struct mutex lock;
	unsigned int pending __guarded_by(&lock);
};

static int queue_push(struct job_queue *q, int job)
{
	int err;

	mutex_lock(&q->lock);
	err = start_job(job);
	if (err) {
		mutex_unlock(&q->lock);
		q->pending--;
		return err;
	}
	q->pending++;
	mutex_unlock(&q->lock);
	return 0;
}
