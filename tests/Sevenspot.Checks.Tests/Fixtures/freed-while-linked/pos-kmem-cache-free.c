// SPDX-License-Identifier: GPL-2.0
/* Cache-allocated requests are queued, then freed from the cache while queued. */
#include <linux/list.h>
#include <linux/slab.h>

struct request {
	struct list_head list;
	int tag;
};

struct queue {
	struct list_head pending;
	struct kmem_cache *cache;
};

void queue_submit_one(struct queue *q, int tag)
{
	struct request *rq = kmem_cache_alloc(q->cache, GFP_KERNEL);

	if (!rq)
		return;
	rq->tag = tag;
	list_add_tail(&rq->list, &q->pending);
	if (tag < 0)
		kmem_cache_free(q->cache, rq);	/* BUG */
}
