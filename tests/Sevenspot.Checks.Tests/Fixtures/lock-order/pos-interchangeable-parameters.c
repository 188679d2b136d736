// SPDX-License-Identifier: GPL-2.0
/*
 * A queue pair's receive and send completion queues, passed as two parameters of one type.
 * Another queue pair may use the same two queues the other way round (its receive queue is
 * this one's send queue): the two calls nest the locks in opposite orders.
 */
#include <linux/spinlock.h>

struct cq {
	spinlock_t lock;
	int pending;
};

void cq_init(struct cq *cq)
{
	spin_lock_init(&cq->lock);
}

void qp_flush(struct cq *rcq, struct cq *scq)
{
	unsigned long flags;

	spin_lock_irqsave(&rcq->lock, flags);
	if (scq != rcq)
		spin_lock(&scq->lock);	/* BUG: ABBA against a crossed queue pair */
	rcq->pending = 0;
	scq->pending = 0;
	if (scq != rcq)
		spin_unlock(&scq->lock);
	spin_unlock_irqrestore(&rcq->lock, flags);
}
