// SPDX-License-Identifier: GPL-2.0
/* The idr is preloaded before the spinlock and allocated from with GFP_NOWAIT under it. */
#include <linux/idr.h>
#include <linux/spinlock.h>

struct fence_queue {
	spinlock_t lock;
	struct idr fences;
};

static int queue_fence_with_id(struct fence_queue *q, void *fence, u32 *id)
{
	int ret;

	idr_preload(GFP_KERNEL);
	spin_lock(&q->lock);
	ret = idr_alloc_u32(&q->fences, fence, id, *id, GFP_NOWAIT);
	spin_unlock(&q->lock);
	idr_preload_end();
	return ret;
}
