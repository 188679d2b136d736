// SPDX-License-Identifier: GPL-2.0
/*
 * A pending flag: tested and set once by the function that queues the work, cleared by the
 * worker after it stored its result. Nothing in the program waits or spins for the bit, and no
 * function takes and releases it itself: it is no lock, and the worker's clear is no release.
 */
#include <linux/workqueue.h>

#define SCAN_PENDING	0

struct scanner {
	unsigned long flags;
	struct work_struct work;
	int found;
};

static void scan_queue(struct scanner *s)
{
	if (test_and_set_bit(SCAN_PENDING, &s->flags))
		return;
	schedule_work(&s->work);
}

static void scan_work(struct work_struct *w)
{
	struct scanner *s = container_of(w, struct scanner, work);

	s->found = scan_bus(s);
	clear_bit(SCAN_PENDING, &s->flags);
}
