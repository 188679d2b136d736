// SPDX-License-Identifier: GPL-2.0
/* A queue hands out fence ids from an idr and an xarray under its spinlock, with flags that may sleep. */
#include <linux/idr.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

struct fence_queue {
	spinlock_t lock;
	struct idr fences;
	struct xarray pending;
};

static int queue_fence_with_id(struct fence_queue *q, void *fence, u32 *id)
{
	int ret;

	spin_lock(&q->lock);
	ret = idr_alloc_u32(&q->fences, fence, id, *id, GFP_KERNEL);	/* BUG */
	spin_unlock(&q->lock);
	return ret;
}

static int queue_pending(struct fence_queue *q, void *fence, u32 *id)
{
	int ret;

	spin_lock(&q->lock);
	ret = xa_alloc_cyclic(&q->pending, id, fence, xa_limit_32b, NULL, GFP_KERNEL);	/* BUG */
	spin_unlock(&q->lock);
	return ret;
}
