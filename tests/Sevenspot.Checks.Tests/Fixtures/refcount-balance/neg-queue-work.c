// SPDX-License-Identifier: GPL-2.0
/* A reference handed to a work item that was queued is dropped by the work. */
#include <linux/kref.h>
#include <linux/workqueue.h>

struct poller {
	struct kref kref;
	struct work_struct work;
	struct delayed_work dwork;
};

void poller_release(struct kref *kref);

void poller_kick(struct poller *p)
{
	kref_get(&p->kref);
	if (!queue_work(system_wq, &p->work))
		kref_put(&p->kref, poller_release);
}

void poller_kick_delayed(struct poller *p)
{
	kref_get(&p->kref);
	if (queue_delayed_work(system_wq, &p->dwork, HZ))
		return;
	kref_put(&p->kref, poller_release);
}
