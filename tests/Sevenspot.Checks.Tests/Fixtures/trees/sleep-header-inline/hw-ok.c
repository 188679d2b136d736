#include <linux/spinlock.h>
#include "hw.h"

void hw_commit_ok(struct hw *h)
{
	spin_lock_irq(&h->lock);
	h->st = 1;
	hw_poll_ready(h);
	spin_unlock_irq(&h->lock);
	hw_wait_ready(h);
}

void hw_commit_unlocking(struct hw *h)
{
	spin_lock_irq(&h->lock);
	h->st = 1;
	hw_wait_unlocked(h);
}
