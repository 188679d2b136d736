#include <linux/spinlock.h>
#include "hw.h"

void hw_commit(struct hw *h)
{
	spin_lock_irq(&h->lock);
	h->st = 1;
	hw_poll_ready(h);
	hw_wait_ready(h);
	spin_unlock_irq(&h->lock);
}
