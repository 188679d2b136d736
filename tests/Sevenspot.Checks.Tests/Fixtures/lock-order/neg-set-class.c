// SPDX-License-Identifier: GPL-2.0
/*
 * Two queues of one type, the reader queue given a class of its own with lockdep_set_class():
 * the nesting is an order between two classes.
 */
#include <linux/spinlock.h>
#include <linux/lockdep.h>

struct queue {
	spinlock_t lock;
	int len;
};

struct channel {
	struct queue inbox;
	struct queue reader;
};

static struct lock_class_key reader_key;

static void queue_init(struct queue *q)
{
	spin_lock_init(&q->lock);
	q->len = 0;
}

void channel_init(struct channel *c)
{
	queue_init(&c->inbox);
	queue_init(&c->reader);
	lockdep_set_class(&c->reader.lock, &reader_key);
}

void channel_splice(struct channel *c)
{
	struct queue *rq = &c->reader;
	struct queue *in = &c->inbox;

	spin_lock(&rq->lock);
	spin_lock(&in->lock);
	rq->len += in->len;
	in->len = 0;
	spin_unlock(&in->lock);
	spin_unlock(&rq->lock);
}
