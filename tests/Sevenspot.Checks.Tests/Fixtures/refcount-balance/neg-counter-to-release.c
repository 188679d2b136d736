// SPDX-License-Identifier: GPL-2.0
/*
 * The request's reference is dropped on the failure path by calling the kref's release
 * function on the counter itself: nothing leaks.
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
		destroy_async(&rq->ref_count);
		return ret;
	}
	wait_for_completion(&rq->done);
	kref_put(&rq->ref_count, destroy_async);
	return 0;
}
