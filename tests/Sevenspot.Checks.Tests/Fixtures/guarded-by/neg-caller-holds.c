// SPDX-License-Identifier: GPL-2.0
/* Helpers whose callers hold the lock, as __must_hold and lockdep_assert_held say. */
#include <linux/mutex.h>
#include <linux/lockdep.h>

struct job_queue {
	struct mutex lock;
	unsigned int pending __guarded_by(&lock);
};

static void queue_account(struct job_queue *q)
	__must_hold(&q->lock)
{
	q->pending++;
}

static bool queue_idle(struct job_queue *q)
{
	lockdep_assert_held(&q->lock);
	return q->pending == 0;
}
