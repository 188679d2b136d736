// SPDX-License-Identifier: GPL-2.0
/*
 * A kref_get() count not dropped on an error return: not reported, such counts are mostly
 * raised to be handed on (here a completion could own it).
 *
 * The failure path passes the request, not its counter, to a helper that only logs it.
 */
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/usb.h>
#include <linux/completion.h>

struct async_req {
	struct kref ref_count;
	struct urb *urb;
	struct completion done;
};

static void log_async(struct async_req *rq, int ret)
{
	pr_err("async request %p failed: %d\n", rq, ret);
}

static void destroy_async(struct kref *kref)
{
	struct async_req *rq = container_of(kref, struct async_req, ref_count);

	usb_free_urb(rq->urb);
	kfree(rq);
}

int submit_async(struct async_req *rq)
{
	int ret;

	kref_get(&rq->ref_count);
	ret = usb_submit_urb(rq->urb, GFP_ATOMIC);
	if (ret) {
		log_async(rq, ret);
		return ret;	/* not reported (see refcount-balance.md) */
	}
	wait_for_completion(&rq->done);
	kref_put(&rq->ref_count, destroy_async);
	return 0;
}
